package dev.logreg.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * The UCI Skin Segmentation data (Bhatt &amp; Dhall), embedded as
 * {@code data/skin_segmentation.txt.gz} (provenance in {@code data/SOURCE.txt}): 245,057 pixels,
 * a header line {@code R G B T}, tab separated. The model matrix is [1, R/255, G/255, B/255] and
 * y = 1 for skin (T = 1). The counts are checked against the data set's documentation.
 */
final class SkinSegmentation {

    static final String RESOURCE = "/data/skin_segmentation.txt.gz";
    static final int ROWS = 245_057;
    static final int SKIN = 50_859;

    private SkinSegmentation() {
    }

    static Dataset load() {
        InputStream raw = SkinSegmentation.class.getResourceAsStream(RESOURCE);
        if (raw == null) {
            throw new IllegalStateException(RESOURCE + " is not on the class path");
        }
        int n = 4;
        double[] x = new double[ROWS * n];
        double[] y = new double[ROWS];
        int skin = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                StandardCharsets.US_ASCII))) {
            String header = in.readLine();
            if (!"R\tG\tB\tT".equals(header)) {
                throw new IllegalStateException(RESOURCE + ": unexpected header " + header);
            }
            int i = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                if (i == ROWS) {
                    throw new IllegalStateException(RESOURCE + " has more than " + ROWS + " rows");
                }
                String[] cells = line.split("\t");
                if (cells.length != 4) {
                    throw new IllegalStateException(RESOURCE + ": row " + (i + 1) + " has " + cells.length + " cells");
                }
                x[i * n] = 1.0;
                for (int j = 0; j < 3; j++) {
                    x[i * n + 1 + j] = Integer.parseInt(cells[j]) / 255.0;
                }
                int t = Integer.parseInt(cells[3]);
                if (t != 1 && t != 2) {
                    throw new IllegalStateException(RESOURCE + ": row " + (i + 1) + " has T = " + t);
                }
                y[i] = t == 1 ? 1.0 : 0.0;
                skin += t == 1 ? 1 : 0;
                i++;
            }
            if (i != ROWS || skin != SKIN) {
                throw new IllegalStateException(RESOURCE + ": " + i + " rows, " + skin + " skin; expected "
                        + ROWS + " and " + SKIN);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Dataset("skin", ROWS, n, x, y, null);
    }
}
