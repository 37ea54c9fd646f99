package dev.logreg.objective;

/** Checks of the caller-owned arrays the objectives read and write. */
final class Buffers {

    private Buffers() {
    }

    /**
     * @throws IllegalArgumentException if {@code a} is null or not {@code expected} long
     */
    static void checkLength(String name, double[] a, int expected) {
        if (a == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (a.length != expected) {
            throw new IllegalArgumentException(name + " has length " + a.length + ", expected " + expected);
        }
    }

    /**
     * @param value an argument
     * @param name its name, for the message
     * @throws IllegalArgumentException if it is null
     */
    static void requireArgument(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null");
        }
    }

    /**
     * @throws IllegalArgumentException if an input and an output are the same array
     */
    static void checkDistinct(double[] a, double[] b) {
        if (a == b) {
            throw new IllegalArgumentException("input and output buffers must be distinct arrays");
        }
    }
}
