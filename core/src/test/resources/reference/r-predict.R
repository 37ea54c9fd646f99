# Reference predictions of fitted models applied to new data: models fitted on one file and scored on
# another whose columns come in another order, with an extra text column and missing cells.
# Run: cd src/test/resources/reference && Rscript r-predict.R
# Reads ../data/ucla_train.csv, ucla_new.csv, iris_train.csv, iris_new.csv; writes r-predict.properties here.
library(nnet)

rd <- function(name) read.csv(file.path("..", "data", name), comment.char = "#", stringsAsFactors = FALSE)
f17 <- function(x) sprintf("%.17g", x)
con <- file("r-predict.properties", open = "w")
p <- function(...) writeLines(paste0(...), con)

ut <- rd("ucla_train.csv")
un <- rd("ucla_new.csv")
uRow <- as.integer(sub("^r", "", un$note))         # the original row numbers 301..400
stopifnot(nrow(ut) == 300, nrow(un) == 100, identical(uRow, 301:400))
it <- rd("iris_train.csv")
inew <- rd("iris_new.csv")
iRow <- 5L * seq_len(nrow(inew))                    # line k of iris_new.csv is iris row 5k
stopifnot(nrow(it) == 120, nrow(inew) == 30)

ctl <- glm.control(epsilon = 1e-15, maxit = 100)
fb <- glm(admit ~ gre + gpa + factor(rank), family = binomial, data = ut, control = ctl)
ftr <- glm(admit ~ log(gre) + gpa + I(gpa^2) + factor(rank), family = binomial, data = ut, control = ctl)

# The standard error of the link at the optimum itself (covariance from the QR of sqrt(mu (1 - mu)) X at
# the fitted mu), against predict.glm's, which takes the QR of the last IRLS iteration.
exact_se_link <- function(fit, newdata) {
  X <- model.matrix(fit); mu <- fitted(fit)
  V <- chol2inv(qr.R(qr(sqrt(mu * (1 - mu)) * X)))
  Xn <- model.matrix(delete.response(terms(fit)), model.frame(delete.response(terms(fit)), newdata,
                     na.action = na.pass, xlev = fit$xlevels))
  sqrt(rowSums((Xn %*% V) * Xn))
}
glm_note <- function(tag, fit) {
  g <- crossprod(model.matrix(fit), fit$y - fitted(fit))[, 1]
  pr <- predict(fit, un, type = "link", se.fit = TRUE)
  ex <- exact_se_link(fit, un)
  stopifnot(length(ex) == nrow(un), identical(is.na(ex), is.na(pr$se.fit)))
  # glm restarted at the optimum: one IRLS iteration whose weights are the optimum's
  re <- update(fit, start = coef(fit))
  rse <- predict(re, un, type = "link", se.fit = TRUE)$se.fit
  p("#   ", tag, ": ", fit$iter, " Fisher scoring iterations, converged = ", fit$converged,
    ", max|X^T(y - p)|/n = ", sprintf("%.2g", max(abs(g)) / nrow(ut)), "; max relative difference")
  p("#     of se.link from se.link.optimum = ", sprintf("%.2g", max(abs(pr$se.fit / ex - 1), na.rm = TRUE)),
    "; se.link.optimum against predict's se.fit of the same glm restarted")
  p("#     at start = coef(fit) (", re$iter, " iteration): max relative difference ",
    sprintf("%.2g", max(abs(rse / ex - 1), na.rm = TRUE)))
}

# ---------------- multinomial on iris, by Newton-Raphson ----------------
# Sepal length and width together separate setosa from the other two classes in iris_train.csv, so their
# MLE does not exist (checked below: nnet::multinom runs to coefficients in the hundreds, and its versicolor
# block is a line with every setosa row on one side and every other row on the other); so does any petal
# feature. sepal_length alone leaves all three classes overlapping; that is the model fitted here.
it$species <- factor(it$species)                    # levels in sorted order; the first, Iris-setosa, the reference
cls <- levels(it$species)
K <- length(cls)
X <- cbind("(Intercept)" = 1, sepal_length = it$sepal_length)
Y <- sapply(cls, function(k) as.numeric(it$species == k))
softmax <- function(B, X) {                         # B: (K-1) x ncol(X); returns n x K probabilities
  eta <- cbind(0, X %*% t(B))
  m <- apply(eta, 1, max)
  e <- exp(eta - m)
  e / rowSums(e)
}
B <- matrix(0, K - 1, ncol(X), dimnames = list(cls[-1], colnames(X)))
for (iter in 1:100) {
  P <- softmax(B, X)
  G <- t(Y[, -1] - P[, -1]) %*% X                   # gradient, (K-1) x p
  maxg <- max(abs(G))
  if (maxg < 1e-12) break
  q <- ncol(X)
  H <- matrix(0, (K - 1) * q, (K - 1) * q)          # information (minus the Hessian), blocks by class
  for (a in 1:(K - 1)) for (b in 1:(K - 1)) {
    w <- P[, a + 1] * ((a == b) - P[, b + 1])
    H[(a - 1) * q + 1:q, (b - 1) * q + 1:q] <- crossprod(X, w * X)
  }
  B <- B + matrix(solve(H, as.vector(t(G))), K - 1, q, byrow = TRUE)
}
stopifnot(maxg < 1e-12)
newtonIter <- iter - 1                              # Newton steps taken
mdev <- -2 * sum(Y * log(softmax(B, X)))
mn <- multinom(species ~ sepal_length, data = it, reltol = 1e-16, maxit = 10000, trace = FALSE)
mnDiff <- max(abs(coef(mn) - B))
Pnew <- softmax(B, cbind(1, inew$sepal_length))
sep2 <- multinom(species ~ sepal_length + sepal_width, data = it, reltol = 1e-16, maxit = 10000, trace = FALSE)
sep2Coef <- max(abs(coef(sep2)))
sepD <- coef(sep2)[1, ]                             # its Iris-versicolor block: a line separating Iris-setosa
sepE <- drop(cbind(1, it$sepal_length, it$sepal_width) %*% sepD)
sepSetosa <- it$species == cls[1]
stopifnot(max(sepE[sepSetosa]) < 0, min(sepE[!sepSetosa]) > 0)
mnPnewDiff <- max(abs(predict(mn, inew, type = "probs") - Pnew))

# ---------------- the file ----------------
p("# Reference values from R: ", R.version.string, ", packages stats and nnet ",
  as.character(packageVersion("nnet")), ", every number printed with sprintf(\"%.17g\").")
p("# Models fitted on one file of ../data and applied to another whose columns come in another order;")
p("# the script that printed them is r-predict.R beside this file.")
p("# ucla.binomial: glm(admit ~ gre + gpa + factor(rank), binomial, data = ucla_train.csv (rows 1-300),")
p("#   control = glm.control(epsilon = 1e-15, maxit = 100)); rank a factor of levels 1..4 (1 the reference).")
p("# ucla.transformed: glm(admit ~ log(gre) + gpa + I(gpa^2) + factor(rank)), same data and control.")
p("#   Coefficient keys are R's term names as R prints them (the library's log(gre) and sq(gpa) are R's")
p("#   log(gre) and I(gpa^2)).")
p("# Both applied to ucla_new.csv (rows 301-400, columns rank,gpa,note,gre): link = predict(type = \"link\"),")
p("#   response = predict(type = \"response\"), se.link = predict(type = \"link\", se.fit = TRUE)$se.fit,")
p("#   keyed by the original row number. Rows 320 and 373 (gre missing) have no keys: R predicts NA.")
p("#   se.link.optimum: the same standard error with the covariance taken at the optimum itself,")
p("#   sqrt(x' V x), V = chol2inv(qr.R(qr(sqrt(mu (1 - mu)) X))) at the fitted mu. predict.glm (se.link)")
p("#   takes V from the QR of glm's last IRLS iteration, whose weights come from the iterate before the")
p("#   optimum, so the two differ by up to the amounts below.")
glm_note("ucla.binomial", fb)
glm_note("ucla.transformed", ftr)
p("# iris.multinomial: multinomial logit of species on sepal_length alone, fitted on iris_train.csv")
p("#   (120 rows), reference class Iris-setosa (coefficient blocks for Iris-versicolor and Iris-virginica).")
p("#   Sepal length and width together separate Iris-setosa from the other classes in the training data,")
p("#   so their MLE does not exist: nnet::multinom(species ~ sepal_length + sepal_width) with the settings")
p("#   below stops at max|coefficient| = ", sprintf("%.3g", sep2Coef), ", and its Iris-versicolor block d gives")
p("#   x.d <= ", sprintf("%.3g", max(sepE[sepSetosa])), " on every Iris-setosa row and x.d >= ",
  sprintf("%.3g", min(sepE[!sepSetosa])), " on every other row, so adding")
rng <- function(v, rows) paste0(format(min(v[rows]), nsmall = 1), "-", format(max(v[rows]), nsmall = 1))
stopifnot(max(it$petal_length[sepSetosa]) < min(it$petal_length[!sepSetosa]),
          max(it$petal_width[sepSetosa]) < min(it$petal_width[!sepSetosa]))
p("#   t d to both blocks raises the likelihood for ever as t grows. Any petal feature separates Iris-setosa")
p("#   too (petal length ", rng(it$petal_length, sepSetosa), " against ", rng(it$petal_length, !sepSetosa),
  ", petal width ", rng(it$petal_width, sepSetosa), " against ", rng(it$petal_width, !sepSetosa),
  "). Sepal length alone")
p("#   leaves the three classes overlapping (", paste(sapply(cls, function(k) rng(it$sepal_length, it$species == k)),
  collapse = ", "), " in iris_train.csv).")
p("#   Fitted by Newton-Raphson on the log-likelihood (exact Hessian, from zero): ", newtonIter,
  " steps, final max|gradient| = ", sprintf("%.2g", maxg), ".")
p("#   Cross-check: nnet::multinom(species ~ sepal_length, reltol = 1e-16, maxit = 10000): max abs")
p("#   difference of coefficients = ", sprintf("%.2g", mnDiff), ", of the probabilities below = ",
  sprintf("%.2g", mnPnewDiff), ".")
p("#   prob[<row>][<class>]: predicted class probabilities for iris_new.csv, <row> the iris row number 5k.")

pglm <- function(tag, fit) {
  cf <- coef(fit)
  for (j in seq_along(cf)) p(tag, ".coef[", names(cf)[j], "] = ", f17(cf[[j]]))
  p(tag, ".deviance = ", f17(deviance(fit)))
  lk <- predict(fit, un, type = "link", se.fit = TRUE)
  rs <- predict(fit, un, type = "response")
  ex <- exact_se_link(fit, un)
  for (i in seq_len(nrow(un))) {
    if (is.na(lk$fit[i])) next
    p(tag, ".link[", uRow[i], "] = ", f17(lk$fit[[i]]))
    p(tag, ".response[", uRow[i], "] = ", f17(rs[[i]]))
    p(tag, ".se.link[", uRow[i], "] = ", f17(lk$se.fit[[i]]))
    p(tag, ".se.link.optimum[", uRow[i], "] = ", f17(ex[[i]]))
  }
}
pglm("ucla.binomial", fb)
pglm("ucla.transformed", ftr)

for (k in 2:K) for (j in seq_len(ncol(X)))
  p("iris.multinomial.coef[", cls[k], "][", colnames(X)[j], "] = ", f17(B[k - 1, j]))
p("iris.multinomial.deviance = ", f17(mdev))
for (i in seq_len(nrow(inew))) for (k in 1:K)
  p("iris.multinomial.prob[", iRow[i], "][", cls[k], "] = ", f17(Pnew[i, k]))
close(con)
