/* Draws the charts a salerush page describes in its #chart-data JSON (see ChartSpec.java), and the index's
   profile filter. Every chart marks its container data-rendered="true" once Chart.js has drawn it (with its x axis'
   title and first tick), so a headless browser test can tell a drawn chart from a broken one. */
(function () {
  'use strict';
  var specs = JSON.parse(document.getElementById('chart-data').textContent);
  var byId = {};
  specs.forEach(function (spec) { byId[spec.id] = spec; });

  /* Times are shown in the zone the page states (the chart's zone, from report.zone; UTC when it names none), so a
     chart and the tables beside it agree. */
  function clockIn(zone) {
    var parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit'
    });
    return function (v) {
      var p = {};
      parts.formatToParts(new Date(v)).forEach(function (part) { p[part.type] = part.value; });
      return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute + ':' + p.second;
    };
  }
  function formatter(spec) {
    if (spec.xAxis === 'step' || spec.xAxis === 'offset') {
      return function (v) { return Number.isInteger(v) ? String(v) : ''; };
    }
    if (spec.xAxis === 'load') {
      return function (v) { return String(Math.round(v * 10) / 10); };
    }
    var local = clockIn(spec.zone || 'UTC');
    return spec.xAxis === 'date' ? function (v) { return local(v).substring(0, 16); }
                                 : function (v) { return local(v).substring(11, 19); };
  }
  /* A chart that titles its own x axis (xTitle) is worded in the page's language; these are for one that does not. */
  var axisTitles = { time: 'time (UTC)', date: 'run started (UTC)', step: 'step', load: 'offered rps',
    offset: 'seconds from the fault' };

  /* What a drawn chart's x axis says, on its container too: a browser test reads the DOM, not the canvas. */
  var markRendered = {
    id: 'salerushRendered',
    afterRender: function (chart) {
      var box = chart.canvas.closest('[data-chart]');
      var x = chart.scales.x;
      box.dataset.rendered = 'true';
      box.dataset.xTitle = x.options.title.text;
      box.dataset.xFirstTick = x.ticks.length ? String(x.ticks[0].label) : '';
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
      pointRadius: series.markersOnly ? 9 : (xAxis === 'time' || xAxis === 'offset' ? 0 : 3),
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
    var format = formatter(spec);
    var scales = {
      x: {
        type: 'linear', min: spec.xMin, max: spec.xMax,
        title: { display: true, text: spec.xTitle || axisTitles[spec.xAxis] },
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

  /* The index's profile filter: one radio button per profile, '' for all. */
  document.querySelectorAll('#profile-filter input[name="profile"]').forEach(function (option) {
    option.addEventListener('change', function () {
      var profile = option.value;
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
  });
})();
