package dev.logreg.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Growable sequences of doubles or ints kept in blocks, for the cells of a column while a part of a
 * file is parsed: appending never copies what is already there, and the space beyond the cells is
 * less than one block. Blocks start small and double up to {@link #MAX_BLOCK}, so a part of a few
 * rows costs a few small arrays.
 */
final class Blocks {

    /** The first block's length. */
    static final int MIN_BLOCK = 16;
    /** The largest block's length (32 KB of doubles). */
    static final int MAX_BLOCK = 1 << 12;

    private Blocks() {
    }

    private static int nextLength(int length) {
        return Math.min(MAX_BLOCK, length * 2);
    }

    /** Doubles in blocks. */
    static final class Doubles {
        private final List<double[]> blocks = new ArrayList<>();
        private double[] current = new double[MIN_BLOCK];
        private int used;
        /** The values in the blocks before {@link #current}. */
        private int filled;

        Doubles() {
            blocks.add(current);
        }

        /** @param value appended */
        void add(double value) {
            if (used == current.length) {
                filled += used;
                current = new double[nextLength(current.length)];
                blocks.add(current);
                used = 0;
            }
            current[used++] = value;
        }

        /** @return the number of values */
        int size() {
            return filled + used;
        }

        /**
         * @param to one past the last value looked at, at most {@link #size()}
         * @return whether a value before {@code to} is not NaN
         */
        boolean anyNumber(int to) {
            int start = 0;
            for (double[] block : blocks) {
                for (int i = 0, end = Math.min(block.length, to - start); i < end; i++) {
                    if (!Double.isNaN(block[i])) {
                        return true;
                    }
                }
                start += block.length;
                if (start >= to) {
                    break;
                }
            }
            return false;
        }

        /**
         * Copies values {@code [from, to)} to {@code target[at, at + to - from)}.
         *
         * @param from the first value
         * @param to one past the last, at most {@link #size()}
         * @param target where to
         * @param at the index in {@code target} of value {@code from}
         */
        void copyTo(int from, int to, double[] target, int at) {
            int start = 0;
            for (double[] block : blocks) {
                int end = start + block.length;
                int lo = Math.max(from, start);
                int hi = Math.min(to, end);
                if (lo < hi) {
                    System.arraycopy(block, lo - start, target, at + lo - from, hi - lo);
                }
                if (end >= to) {
                    return;
                }
                start = end;
            }
        }
    }

    /** Ints in blocks. */
    static final class Ints {
        private final List<int[]> blocks = new ArrayList<>();
        private int[] current = new int[MIN_BLOCK];
        private int used;
        /** The values in the blocks before {@link #current}. */
        private int filled;

        Ints() {
            blocks.add(current);
        }

        /** @param value appended */
        void add(int value) {
            if (used == current.length) {
                filled += used;
                current = new int[nextLength(current.length)];
                blocks.add(current);
                used = 0;
            }
            current[used++] = value;
        }

        /** @return the number of values */
        int size() {
            return filled + used;
        }

        /**
         * Copies values {@code [from, to)} to {@code target[at, at + to - from)}.
         *
         * @param from the first value
         * @param to one past the last, at most {@link #size()}
         * @param target where to
         * @param at the index in {@code target} of value {@code from}
         */
        void copyTo(int from, int to, int[] target, int at) {
            int start = 0;
            for (int[] block : blocks) {
                int end = start + block.length;
                int lo = Math.max(from, start);
                int hi = Math.min(to, end);
                if (lo < hi) {
                    System.arraycopy(block, lo - start, target, at + lo - from, hi - lo);
                }
                if (end >= to) {
                    return;
                }
                start = end;
            }
        }
    }
}
