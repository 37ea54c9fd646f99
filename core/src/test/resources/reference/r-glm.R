# Reference numbers for logistic-regression test suite.
# Run: Rscript r-glm.R  (writes reference.txt)
out <- "reference.txt"
con <- file(out, open = "w")
p <- function(...) writeLines(paste0(...), con)
f17 <- function(x) sprintf("%.17g", x)
pvec <- function(label, x) {
  nm <- names(x)
  if (is.null(nm)) nm <- seq_along(x)
  for (i in seq_along(x)) p(label, "[", nm[i], "] = ", f17(x[[i]]))
}
pfit <- function(tag, fit, full = TRUE) {
  s <- summary(fit)$coefficients
  pvec(paste0(tag, " coef"), s[, 1])
  pvec(paste0(tag, " se"), s[, 2])
  if (full) {
    pvec(paste0(tag, " z"), s[, 3])
    pvec(paste0(tag, " p"), s[, 4])
  }
  p(tag, " deviance = ", f17(deviance(fit)))
  p(tag, " null.deviance = ", f17(fit$null.deviance))
  p(tag, " df.residual = ", fit$df.residual)
  p(tag, " df.null = ", fit$df.null)
  p(tag, " AIC = ", f17(AIC(fit)))
  p(tag, " BIC = ", f17(BIC(fit)))
  ll <- logLik(fit)
  p(tag, " logLik = ", f17(as.numeric(ll)), "  (df = ", attr(ll, "df"), ", nobs = ", attr(ll, "nobs"), ")")
  p(tag, " iter = ", fit$iter, "  converged = ", fit$converged)
}

p("R version: ", R.version.string)
p("")

# ---------------- (a) UCLA admissions ----------------
ucla_path <- "../shared/data/ucla_admissions/binary.csv"

d <- read.csv(ucla_path)
p("== (a) UCLA: glm(admit ~ gre + gpa + factor(rank), family = binomial), default control ==")
p("data: ", ucla_path, "  rows = ", nrow(d), "  sum(admit) = ", sum(d$admit))
fa <- glm(admit ~ gre + gpa + factor(rank), family = binomial, data = d)
pfit("a.default", fa)
p("")
p("== (a) UCLA, control = glm.control(epsilon = 1e-14, maxit = 100) ==")
fa2 <- glm(admit ~ gre + gpa + factor(rank), family = binomial, data = d,
           control = glm.control(epsilon = 1e-14, maxit = 100))
pfit("a.tight", fa2)
p("")

# ---------------- (d) gradient check for (a) tight ----------------
p("== (d) gradient check for (a) tight fit ==")
X <- model.matrix(fa2)
g <- crossprod(X, d$admit - fitted(fa2))[, 1]
n <- nrow(X)
pvec("d.gradient X^T(y-p)", g)
p("d max|X^T(y-p)|/n = ", f17(max(abs(g)) / n))
g1 <- crossprod(X, d$admit - fitted(fa))[, 1]
# three extra hand-coded Newton steps from the tight optimum: how far the coefficients still move
bn <- coef(fa2)
for (k in 1:3) {
  pn <- plogis(drop(X %*% bn))
  bn <- bn + solve(crossprod(X, X * (pn * (1 - pn))), crossprod(X, d$admit - pn))[, 1]
}
pvec("d.newton3 coef - tight coef", bn - coef(fa2))
p("d (for comparison, default-control fit) max|X^T(y-p)|/n = ", f17(max(abs(g1)) / n))
p("")

# ---------------- (b) UCLA weighted ----------------
p("== (b) UCLA weighted: prior weights w = 1 + (seq_len(400) %% 3), epsilon 1e-14 ==")
w <- 1 + (seq_len(nrow(d)) %% 3)
p("weights rows 1..6: ", paste(w[1:6], collapse = ","), "  sum(w) = ", sum(w))
d$w <- w
fb <- glm(admit ~ gre + gpa + factor(rank), family = binomial, data = d, weights = w,
          control = glm.control(epsilon = 1e-14, maxit = 100))
pfit("b.weighted", fb, full = FALSE)
Xb <- model.matrix(fb)
gb <- crossprod(Xb, w * (d$admit - fitted(fb)))[, 1]
p("b max|X^T W (y-p)|/n = ", f17(max(abs(gb)) / n))
p("")

# ---------------- (c) Credit approval ----------------
crx_path <- "../shared/data/credit_approval/crx.data"

cr <- read.csv(crx_path, header = FALSE, na.strings = "?", col.names = paste0("A", 1:16),
               stringsAsFactors = FALSE, strip.white = TRUE)
cr$y <- as.integer(cr$A16 == "+")
p("== (c) Credit Approval: y = (A16 == '+'), glm(y ~ log1p(A15), binomial), epsilon 1e-14 ==")
p("data: ", crx_path, "  rows = ", nrow(cr), "  sum(y) = ", sum(cr$y))
p("A15 class = ", class(cr$A15), "  missing A15 = ", sum(is.na(cr$A15)),
  "  min = ", f17(min(cr$A15, na.rm = TRUE)), "  max = ", f17(max(cr$A15, na.rm = TRUE)))
fc <- glm(y ~ log1p(A15), family = binomial, data = cr,
          control = glm.control(epsilon = 1e-14, maxit = 100))
p("rows used (nobs) = ", nobs(fc))
pfit("c.credit", fc)
Xc <- model.matrix(fc)
gc <- crossprod(Xc, fc$y - fitted(fc))[, 1]
p("c max|X^T(y-p)|/n = ", f17(max(abs(gc)) / nobs(fc)))
p("")

# ---------------- (e) Credit approval, a multivariable model with missing values ----------------
p("== (e) Credit Approval: glm(y ~ A2 + A3 + A8 + A11 + A14 + log1p(A15) + A9 + A10), epsilon 1e-14 ==")
fd <- glm(y ~ A2 + A3 + A8 + A11 + A14 + log1p(A15) + A9 + A10, family = binomial, data = cr,
          control = glm.control(epsilon = 1e-14, maxit = 100))
p("rows used (nobs) = ", nobs(fd), "  dropped = ", nrow(cr) - nobs(fd))
pfit("e.credit", fd)
Xd <- model.matrix(fd)
gd <- crossprod(Xd, fd$y - fitted(fd))[, 1]
p("e max|X^T(y-p)|/n = ", f17(max(abs(gd)) / nobs(fd)))
p("")

# ---------------- (f) inference extras: null log-likelihood, LR test, Wald intervals, odd weights ----------------
p("== (f) UCLA extras ==")
f0 <- glm(admit ~ 1, family = binomial, data = d)
p("f.a.nullLogLik = ", f17(as.numeric(logLik(f0))))
lr <- fa$null.deviance - fa$deviance
p("f.a.lr.statistic = ", f17(lr))
p("f.a.lr.p = ", f17(pchisq(lr, fa$df.null - fa$df.residual, lower.tail = FALSE)))
ci <- confint.default(fa, level = 0.9)
pvec("f.a.ci90.lower", ci[, 1])
pvec("f.a.ci90.upper", ci[, 2])
# non-integer prior weights: R rounds w*y and w inside logLik (binomial()$aic) but not in the deviance
wf <- 0.5 + (seq_len(nrow(d)) %% 3) * 0.75
ff <- suppressWarnings(glm(admit ~ gre + gpa + factor(rank), family = binomial, data = d, weights = wf,
          control = glm.control(epsilon = 1e-14, maxit = 100)))
p("f.w weights rows 1..4: ", paste(wf[1:4], collapse = ","))
pfit("f.w", ff, full = FALSE)

# summary.glm takes its covariance from the QR of the last IRLS iteration, whose weights come from the
# iterate before the optimum; at the optimum itself the standard errors differ by about 2e-8 relative.
exact_se <- function(fit) {
  X <- model.matrix(fit); mu <- fitted(fit); w <- fit$prior.weights * mu * (1 - mu)
  sqrt(diag(chol2inv(qr.R(qr(sqrt(w) * X)))))
}
p("== (g) standard errors at the optimum itself: sqrt(diag(chol2inv(qr.R(qr(sqrt(w mu (1 - mu)) X))))) ==")
pvec("g.a.se", setNames(exact_se(fa), names(coef(fa))))
pvec("g.b.se", setNames(exact_se(fb), names(coef(fb))))

# ---------------- (h) zero prior weights: nobs counts the rows with w != 0; BIC's n (logLik.glm's) counts all ----------------
p("== (h) UCLA with prior weights w_i = (i mod 4 != 0): 100 rows of weight 0 ==")
wh <- as.numeric(seq_len(nrow(d)) %% 4 != 0)
fh <- glm(admit ~ gre + gpa + factor(rank), family = binomial, data = d, weights = wh,
          control = glm.control(epsilon = 1e-14, maxit = 100))
p("h.nobs = ", nobs(fh))
p("h.logLik = ", f17(as.numeric(logLik(fh))))
p("h.aic = ", f17(AIC(fh)))
p("h.bic = ", f17(BIC(fh)))
p("h.deviance = ", f17(deviance(fh)))
p("h.df.residual = ", fh$df.residual)
p("h.df.null = ", fh$df.null)
pvec("h.coef", coef(fh))

close(con)
cat(readLines(out), sep = "\n")
