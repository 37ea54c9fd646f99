package dev.logreg.objective;

/**
 * The rows of another source with every label 0: the binary problem whose Hessian at &theta; = 0 is
 * X<sup>T</sup>WX/(4W), on a multinomial problem's rows.
 */
final class ZeroLabels extends RowSource {

    private final RowSource base;

    ZeroLabels(RowSource base) {
        super(base.rows(), base.cols(), base.largest());
        this.base = base;
    }

    @Override
    public boolean weighted() {
        return base.weighted();
    }

    @Override
    public void read(int from, int to, RowBlock into) {
        base.read(from, to, into);
        into.zeroLabels();
    }

    @Override
    public void readLabels(int from, int to, RowBlock into) {
        base.readLabels(from, to, into);
        into.zeroLabels();
    }
}
