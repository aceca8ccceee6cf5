package dev.salerush.env.lb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salerush.env.lb.HaproxyRuntime.ServerStat;
import dev.salerush.env.lb.HaproxyRuntime.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class HaproxyRuntimeTest {

    // Abridged "show stat" of HAProxy 2.6 (the real one has ~100 columns; parsing goes by header name).
    private static final String STAT = """
            # pxname,svname,qcur,scur,stot,status,weight,chkdown,check_status,hrsp_5xx,
            shop_in,FRONTEND,,0,12,OPEN,,,,0,
            metrics,FRONTEND,,0,3,OPEN,,,,0,
            shop,s1,0,2,40,UP,100,0,L7OK,0,
            shop,s2,0,0,30,DOWN,100,1,L4CON,7,
            shop,s3,0,1,10,DRAIN,0,0,L7OK,0,
            shop,s4,0,0,0,MAINT,100,0,,0,
            shop,s5,0,0,0,UP 1/2,100,0,L7STS,0,
            shop,s6,0,0,0,no check,100,0,,0,
            shop,s7,0,0,0,MAINT (resolution),100,0,,0,
            shop,BACKEND,0,3,80,UP,200,0,,7,

            """;

    @Test
    void parsesTheServersOfTheShopBackend() {
        List<ServerStat> servers = HaproxyRuntime.parseStat(STAT);
        assertThat(servers).extracting(ServerStat::name)
                .containsExactly("s1", "s2", "s3", "s4", "s5", "s6", "s7");
        assertThat(servers.get(0)).isEqualTo(new ServerStat("s1", Status.UP, "UP", "L7OK", 2, 40, 0, 100, 0));
        assertThat(servers.get(1)).isEqualTo(new ServerStat("s2", Status.DOWN, "DOWN", "L4CON", 0, 30, 7, 100, 1));
        assertThat(servers).extracting(ServerStat::status).containsExactly(Status.UP, Status.DOWN, Status.DRAIN,
                Status.MAINT, Status.UP, Status.NO_CHECK, Status.MAINT);
        assertThat(servers.get(2).weight()).isZero();
    }

    @Test
    void statusWords() {
        assertThat(Status.parse("NOLB")).isEqualTo(Status.NOLB);
        assertThat(Status.parse("DOWN 1/2")).isEqualTo(Status.DOWN);
        assertThat(Status.parse("???")).isEqualTo(Status.OTHER);
        assertThat(Status.parse(null)).isEqualTo(Status.OTHER);
    }

    @Test
    void aCheckStillRunningReportsTheLastResult() {
        assertThat(HaproxyRuntime.checkResult("* L4CON")).isEqualTo("L4CON");
        assertThat(HaproxyRuntime.checkResult("L7OK")).isEqualTo("L7OK");
    }
}
