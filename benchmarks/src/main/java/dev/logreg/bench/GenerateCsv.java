package dev.logreg.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a CSV of ROWS rows: a 0/1 target {@code y} drawn from a logistic model with intercept 0.3 and
 * coefficients &plusmn;0.5/&radic;j on 20 standard Gaussian features {@code x1..x20}, each written with
 * six decimals (the data of {@code python-peer.sh}, from a fixed seed; about 192 bytes per row). Fast
 * enough for the 20,000,000 rows of the out-of-core benchmark (about 3.8 GB).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.logreg.bench.GenerateCsv ROWS FILE</pre>
 */
public final class GenerateCsv {

    private static final int FEATURES = 20;
    private static final long SEED = 20240607L;
    private static final long MICROS = 1_000_000L;

    private GenerateCsv() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: GenerateCsv ROWS FILE");
            System.exit(2);
        }
        long rows = Long.parseLong(args[0]);
        Path file = Path.of(args[1]);
        double[] beta = new double[FEATURES];
        for (int j = 1; j <= FEATURES; j++) {
            beta[j - 1] = (j % 2 == 1 ? 1 : -1) * 0.5 / Math.sqrt(j);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            StringBuilder header = new StringBuilder("y");
            for (int j = 1; j <= FEATURES; j++) {
                header.append(",x").append(j);
            }
            out.write((header + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] line = new byte[FEATURES * 16 + 4];
            long[] micros = new long[FEATURES];
            for (long i = 0; i < rows; i++) {
                double z = 0.3;
                for (int j = 0; j < FEATURES; j++) {
                    micros[j] = Math.round(gaussian(random) * MICROS);
                    z += beta[j] * (micros[j] / (double) MICROS);
                }
                int at = 0;
                line[at++] = (byte) (random.nextDouble() < 1 / (1 + Math.exp(-z)) ? '1' : '0');
                for (int j = 0; j < FEATURES; j++) {
                    line[at++] = ',';
                    at = fixed6(micros[j], line, at);
                }
                line[at++] = '\n';
                out.write(line, 0, at);
            }
        }
    }

    /** A standard Gaussian by Box–Muller (one of the pair). */
    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u + 1e-300)) * Math.cos(2 * Math.PI * v);
    }

    /** Writes micros / 10^6 with exactly six decimals, as %.6f would. */
    private static int fixed6(long micros, byte[] out, int at) {
        if (micros < 0) {
            out[at++] = '-';
            micros = -micros;
        }
        long whole = micros / MICROS;
        long fraction = micros % MICROS;
        String w = Long.toString(whole);
        for (int k = 0; k < w.length(); k++) {
            out[at++] = (byte) w.charAt(k);
        }
        out[at++] = '.';
        for (long d = MICROS / 10; d > 0; d /= 10) {
            out[at++] = (byte) ('0' + (fraction / d) % 10);
        }
        return at;
    }
}
