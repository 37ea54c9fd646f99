package dev.logreg.data;

import java.util.Arrays;

/**
 * The distinct cells of a categorical column in one part of a file, each numbered from 0 in the
 * order it first occurs: a hash table looked up by a cell's characters, so that a cell costs a
 * {@link String} only the first time its text occurs.
 */
final class Levels {

    private static final int INITIAL_CAPACITY = 16;
    /** The table grows when more than this fraction of its slots is used. */
    private static final double LOAD = 0.5;
    /** In {@link #slots}: no level. */
    private static final int EMPTY = -1;

    private String[] levels = new String[INITIAL_CAPACITY];
    private int[] hashes = new int[INITIAL_CAPACITY];
    private int size;
    /** Open addressing (linear probing): level numbers, {@link #EMPTY} where free. */
    private int[] slots = newSlots(INITIAL_CAPACITY * 2);

    private static int[] newSlots(int n) {
        int[] s = new int[n];
        Arrays.fill(s, EMPTY);
        return s;
    }

    /**
     * @param chars text
     * @param from the cell's first character
     * @param to one past its last
     * @return the number of the level {@code chars[from, to)}, added if new
     */
    int code(char[] chars, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + chars[i];
        }
        int mask = slots.length - 1;
        for (int s = spread(h) & mask; ; s = (s + 1) & mask) {
            int level = slots[s];
            if (level == EMPTY) {
                return add(new String(chars, from, to - from), h, s);
            }
            if (hashes[level] == h && equal(levels[level], chars, from, to)) {
                return level;
            }
        }
    }

    private static boolean equal(String level, char[] chars, int from, int to) {
        if (level.length() != to - from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (level.charAt(i - from) != chars[i]) {
                return false;
            }
        }
        return true;
    }

    private int add(String level, int hash, int slot) {
        if (size == levels.length) {
            levels = Arrays.copyOf(levels, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        levels[size] = level;
        hashes[size] = hash;
        slots[slot] = size;
        size++;
        if (size > slots.length * LOAD) {
            rehash();
        }
        return size - 1;
    }

    private void rehash() {
        slots = newSlots(slots.length * 2);
        int mask = slots.length - 1;
        for (int level = 0; level < size; level++) {
            int s = spread(hashes[level]) & mask;
            while (slots[s] != EMPTY) {
                s = (s + 1) & mask;
            }
            slots[s] = level;
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** @return the number of levels */
    int size() {
        return size;
    }

    /**
     * @param code a level's number
     * @return its text
     */
    String level(int code) {
        return levels[code];
    }
}
