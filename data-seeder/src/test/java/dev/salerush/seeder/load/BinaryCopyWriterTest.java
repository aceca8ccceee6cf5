package dev.salerush.seeder.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BinaryCopyWriterTest {

    @Test
    void encodesHeaderTupleFieldsAndTrailerBigEndian() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryCopyWriter w = new BinaryCopyWriter(out::write);
        w.header();
        w.row(6).int8(0x0102030405060708L).int4(-2).int2((short) 7).text("셔츠").nul()
                .timestamptz(Instant.parse("2000-01-01T00:00:01Z"));
        w.finish();
        ByteBuffer b = ByteBuffer.wrap(out.toByteArray());
        byte[] sig = new byte[11];
        b.get(sig);
        assertThat(sig).containsExactly('P', 'G', 'C', 'O', 'P', 'Y', '\n', 0xFF, '\r', '\n', 0);
        assertThat(b.getInt()).isZero(); // flags
        assertThat(b.getInt()).isZero(); // extension
        assertThat(b.getShort()).isEqualTo((short) 6);
        assertThat(b.getInt()).isEqualTo(8);
        assertThat(b.getLong()).isEqualTo(0x0102030405060708L);
        assertThat(b.getInt()).isEqualTo(4);
        assertThat(b.getInt()).isEqualTo(-2);
        assertThat(b.getInt()).isEqualTo(2);
        assertThat(b.getShort()).isEqualTo((short) 7);
        byte[] utf8 = "셔츠".getBytes(StandardCharsets.UTF_8);
        assertThat(b.getInt()).isEqualTo(utf8.length);
        byte[] text = new byte[utf8.length];
        b.get(text);
        assertThat(text).isEqualTo(utf8);
        assertThat(b.getInt()).isEqualTo(-1); // NULL
        assertThat(b.getInt()).isEqualTo(8);
        assertThat(b.getLong()).isEqualTo(1_000_000L); // microseconds since 2000-01-01
        assertThat(b.getShort()).isEqualTo((short) -1); // trailer
        assertThat(b.hasRemaining()).isFalse();
        assertThat(w.bytesWritten()).isEqualTo(out.size());
    }

    @Test
    void assemblesTextFromPartsDigitsAndHex() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryCopyWriter w = new BinaryCopyWriter(out::write);
        int at = w.beginText();
        w.append("user".getBytes(StandardCharsets.US_ASCII)).appendDigits(1_650_000).append((byte) '-').appendDigits(0)
                .append((byte) '-').appendHex(0xABCL);
        w.endText(at);
        w.flush();
        ByteBuffer b = ByteBuffer.wrap(out.toByteArray());
        int len = b.getInt();
        byte[] s = new byte[len];
        b.get(s);
        assertThat(new String(s, StandardCharsets.US_ASCII)).isEqualTo("user1650000-0-0000000000000abc");
    }

    @Test
    void flushesLargeStreamsInChunksWithAStableChecksum() throws Exception {
        long[] sizes = new long[2];
        long[] sums = new long[2];
        for (int run = 0; run < 2; run++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int[] calls = {0};
            BinaryCopyWriter w = new BinaryCopyWriter((buf, off, len) -> {
                calls[0]++;
                out.write(buf, off, len);
            });
            w.header();
            for (int i = 0; i < 50_000; i++) {
                w.row(2).int8(i).text("row " + i);
            }
            w.finish();
            assertThat(calls[0]).isGreaterThan(1);
            sizes[run] = out.size();
            sums[run] = w.checksum();
        }
        assertThat(sizes[0]).isEqualTo(sizes[1]);
        assertThat(sums[0]).isEqualTo(sums[1]);
    }
}
