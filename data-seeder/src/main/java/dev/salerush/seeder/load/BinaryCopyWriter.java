package dev.salerush.seeder.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Encoder of PostgreSQL's binary COPY format ({@code COPY ... FROM STDIN (FORMAT binary)}): an 11-byte signature,
 * flags and header-extension length; per tuple a 16-bit field count and per field a 32-bit length (-1 = NULL)
 * and the value in the type's binary send format; a 16-bit -1 trailer. Everything big-endian.
 *
 * <p>Buffers into a byte array and hands full buffers to a {@link Sink} (a pgJDBC CopyIn, a stream in tests).
 * Not thread-safe.
 */
public final class BinaryCopyWriter {

    /** Receives encoded bytes. */
    @FunctionalInterface
    public interface Sink {
        void write(byte[] buf, int off, int len) throws IOException;
    }

    static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    /** PostgreSQL's epoch, 2000-01-01T00:00:00Z, in microseconds since the Unix epoch. */
    public static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    private static final int FLUSH_AT = 1 << 16;

    private final Sink sink;
    private byte[] buf = new byte[FLUSH_AT + 4096];
    private int pos;
    private long bytesWritten;
    private final java.util.zip.CRC32C checksum = new java.util.zip.CRC32C();

    public BinaryCopyWriter(Sink sink) {
        this.sink = sink;
    }

    public BinaryCopyWriter header() {
        ensure(19);
        System.arraycopy(SIGNATURE, 0, buf, pos, SIGNATURE.length);
        pos += SIGNATURE.length;
        putInt(0); // flags: no OIDs
        putInt(0); // header extension length
        return this;
    }

    /** Starts a tuple of {@code fields} columns; flushes the previous buffer if it is full. */
    public BinaryCopyWriter row(int fields) throws IOException {
        if (pos >= FLUSH_AT) {
            flush();
        }
        ensure(2);
        putShort((short) fields);
        return this;
    }

    public BinaryCopyWriter int8(long v) {
        ensure(12);
        putInt(8);
        putLong(v);
        return this;
    }

    public BinaryCopyWriter int4(int v) {
        ensure(8);
        putInt(4);
        putInt(v);
        return this;
    }

    public BinaryCopyWriter int2(short v) {
        ensure(6);
        putInt(2);
        putShort(v);
        return this;
    }

    public BinaryCopyWriter float8(double v) {
        ensure(12);
        putInt(8);
        putLong(Double.doubleToLongBits(v));
        return this;
    }

    public BinaryCopyWriter bool(boolean v) {
        ensure(5);
        putInt(1);
        buf[pos++] = (byte) (v ? 1 : 0);
        return this;
    }

    /** date: days since 2000-01-01. */
    public BinaryCopyWriter dateDays(int daysSincePgEpoch) {
        return int4(daysSincePgEpoch);
    }

    /**
     * numeric in PostgreSQL's binary form: digit count, weight (base-10000 exponent of the first digit), sign,
     * display scale, then base-10000 digits without leading or trailing zero groups.
     */
    public BinaryCopyWriter numeric(java.math.BigDecimal v) {
        int scale = Math.max(0, v.scale());
        String plain = v.abs().setScale(scale, java.math.RoundingMode.UNNECESSARY).toPlainString();
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        String fracPart = dot < 0 ? "" : plain.substring(dot + 1);
        intPart = "0".repeat((4 - intPart.length() % 4) % 4) + intPart;
        fracPart = fracPart + "0".repeat((4 - fracPart.length() % 4) % 4);
        String all = intPart + fracPart;
        short[] groups = new short[all.length() / 4];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = Short.parseShort(all.substring(4 * i, 4 * i + 4));
        }
        int first = 0;
        int last = groups.length;
        int weight = intPart.length() / 4 - 1;
        while (first < last && groups[first] == 0) {
            first++;
            weight--;
        }
        while (last > first && groups[last - 1] == 0) {
            last--;
        }
        int n = last - first;
        ensure(12 + 2 * n);
        putInt(8 + 2 * n);
        putShort((short) n);
        putShort((short) (n == 0 ? 0 : weight));
        putShort((short) (v.signum() < 0 && n > 0 ? 0x4000 : 0));
        putShort((short) scale);
        for (int i = first; i < last; i++) {
            putShort(groups[i]);
        }
        return this;
    }

    public BinaryCopyWriter nul() {
        ensure(4);
        putInt(-1);
        return this;
    }

    /** timestamptz: microseconds since 2000-01-01T00:00:00Z. */
    public BinaryCopyWriter timestamptzMicros(long unixMicros) {
        return int8(unixMicros - PG_EPOCH_MICROS);
    }

    public BinaryCopyWriter timestamptz(Instant t) {
        return timestamptzMicros(Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000));
    }

    public BinaryCopyWriter text(String s) {
        return text(s.getBytes(StandardCharsets.UTF_8));
    }

    /** text from UTF-8 bytes. */
    public BinaryCopyWriter text(byte[] utf8) {
        ensure(4 + utf8.length);
        putInt(utf8.length);
        System.arraycopy(utf8, 0, buf, pos, utf8.length);
        pos += utf8.length;
        return this;
    }

    /** Starts a text field assembled from parts ({@link #append}); finish with {@link #endText(int)}. */
    public int beginText() {
        ensure(4);
        int lengthAt = pos;
        pos += 4;
        return lengthAt;
    }

    public BinaryCopyWriter append(byte[] utf8) {
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buf, pos, utf8.length);
        pos += utf8.length;
        return this;
    }

    public BinaryCopyWriter append(byte ascii) {
        ensure(1);
        buf[pos++] = ascii;
        return this;
    }

    /** Appends the decimal digits of a non-negative number. */
    public BinaryCopyWriter appendDigits(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative: " + v);
        }
        ensure(20);
        int start = pos;
        do {
            buf[pos++] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /** Appends 16 lowercase hex digits. */
    public BinaryCopyWriter appendHex(long v) {
        ensure(16);
        for (int shift = 60; shift >= 0; shift -= 4) {
            int d = (int) (v >>> shift) & 0xF;
            buf[pos++] = (byte) (d < 10 ? '0' + d : 'a' + d - 10);
        }
        return this;
    }

    public BinaryCopyWriter endText(int lengthAt) {
        int len = pos - lengthAt - 4;
        buf[lengthAt] = (byte) (len >>> 24);
        buf[lengthAt + 1] = (byte) (len >>> 16);
        buf[lengthAt + 2] = (byte) (len >>> 8);
        buf[lengthAt + 3] = (byte) len;
        return this;
    }

    /** Writes the trailer and flushes. */
    public void finish() throws IOException {
        ensure(2);
        putShort((short) -1);
        flush();
    }

    public void flush() throws IOException {
        if (pos > 0) {
            checksum.update(buf, 0, pos);
            sink.write(buf, 0, pos);
            bytesWritten += pos;
            pos = 0;
        }
    }

    /** Bytes handed to the sink so far. */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** CRC-32C of all bytes handed to the sink: a cheap content checksum of the table's data. */
    public long checksum() {
        return checksum.getValue();
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    private void putShort(short v) {
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void putInt(int v) {
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }
}
