/* Draws the charts a salerush page describes in its #chart-data JSON (see ChartSpec.java), and the index's
   profile filter. Every chart marks its container data-rendered="true" once Chart.js has drawn it, so a headless
   browser test can tell a drawn chart from a broken one. */
(function () {
  'use strict';
  var specs = JSON.parse(document.getElementById('chart-data').textContent);
  var byId = {};
  specs.forEach(function (spec) { byId[spec.id] = spec; });

  var KST_OFFSET = 9 * 3600 * 1000; /* Asia/Seoul has no daylight saving time */
  function iso(value) { return new Date(value).toISOString(); }
  var formatters = {
    time: function (v) { return iso(v).substring(11, 19); },
    date: function (v) { return iso(v).substring(0, 16).replace('T', ' '); },
    kst: function (v) { return iso(v + KST_OFFSET).substring(11, 19); },
    step: function (v) { return Number.isInteger(v) ? String(v) : ''; }
  };
  var axisTitles = { time: 'time (UTC)', kst: 'time (KST)', date: 'run started (UTC)', step: 'step' };

  var markRendered = {
    id: 'salerushRendered',
    afterRender: function (chart) {
      chart.canvas.closest('[data-chart]').dataset.rendered = 'true';
    }
  };

  function dataset(series, xAxis) {
    return {
      label: series.label,
      data: series.data,
      yAxisID: series.axis,
      borderColor: series.color,
      backgroundColor: series.color,
      borderWidth: series.markersOnly ? 1 : 1.5,
      showLine: !series.markersOnly,
      pointStyle: series.markersOnly ? 'triangle' : 'circle',
      pointRadius: series.markersOnly ? 9 : (xAxis === 'time' || xAxis === 'kst' ? 0 : 3),
      pointHoverRadius: series.markersOnly ? 11 : 4,
      spanGaps: false,
      tension: 0
    };
  }

  function draw(container) {
    var spec = byId[container.dataset.chart];
    if (!spec) {
      throw new Error('no chart data for "' + container.dataset.chart + '"');
    }
    var format = formatters[spec.xAxis];
    var scales = {
      x: {
        type: 'linear', min: spec.xMin, max: spec.xMax,
        title: { display: true, text: axisTitles[spec.xAxis] },
        ticks: { callback: format, maxRotation: 0, autoSkipPadding: 16, stepSize: spec.xAxis === 'step' ? 1 : undefined }
      },
      y: { beginAtZero: true, title: { display: !!spec.yTitle, text: spec.yTitle } }
    };
    if (spec.series.some(function (s) { return s.axis === 'y2'; })) {
      scales.y2 = { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
                    title: { display: !!spec.y2Title, text: spec.y2Title } };
    }
    var canvas = container.querySelector('canvas');
    return new Chart(canvas, {
      type: 'line',
      data: { datasets: spec.series.map(function (s) { return dataset(s, spec.xAxis); }) },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, normalized: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: scales,
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 14 } },
          tooltip: { callbacks: { title: function (items) { return items.length ? format(items[0].parsed.x) : ''; } } }
        }
      },
      plugins: [markRendered]
    });
  }

  var charts = [];
  document.querySelectorAll('[data-chart]').forEach(function (container) { charts.push(draw(container)); });
  window.salerushCharts = charts;

  var filter = document.getElementById('profile-filter');
  if (filter) {
    filter.addEventListener('change', function () {
      var profile = filter.value;
      document.querySelectorAll('tr[data-profile]').forEach(function (row) {
        row.hidden = profile !== '' && row.dataset.profile !== profile;
      });
      charts.forEach(function (chart) {
        chart.data.datasets.forEach(function (ds, i) {
          chart.setDatasetVisibility(i, profile === '' || ds.label === profile);
        });
        chart.update();
      });
    });
  }
})();
