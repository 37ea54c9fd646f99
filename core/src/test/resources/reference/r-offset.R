# Reference fits of the binomial model with an offset in the linear predictor, glm(..., offset = o).
# Run: cd core/src/test/resources/reference && Rscript r-offset.R
# Reads ../data/ucla_admissions.csv; writes r-offset.properties here.

f17 <- function(x) sprintf("%.17g", x)
con <- file("r-offset.properties", open = "w")
p <- function(...) writeLines(paste0(...), con)

d <- read.csv(file.path("..", "data", "ucla_admissions.csv"), comment.char = "#")
stopifnot(nrow(d) == 400, identical(names(d), c("admit", "gre", "gpa", "rank")))
i <- seq_len(nrow(d))
# A deterministic offset, not in the span of the model's columns: a quadratic in gpa plus a term that
# cycles with the row number (1-based). Both are exact in any language that reads the same doubles:
# (gpa - 3.4)^2 is (gpa - 3.4) * (gpa - 3.4) in R, and 0.25 * ((i mod 5) - 2) is one of -0.5, ..., 0.5.
o <- (d$gpa - 3.4)^2 + 0.25 * ((i %% 5) - 2)
w <- 1 + (i %% 3)
ctl <- glm.control(epsilon = 1e-14, maxit = 100)

fo <- glm(admit ~ gre + gpa + factor(rank), family = binomial, data = d, offset = o, control = ctl)
fw <- glm(admit ~ gre + gpa + factor(rank), family = binomial, data = d, offset = o, weights = w,
          control = ctl)
f0 <- glm(admit ~ 1, family = binomial, data = d, offset = o, control = ctl)

# How converged a fit is: max|X^T W (y - p)|/n at its coefficients, and how far three more Newton
# steps (exact Hessian, the offset in the predictor) still move them.
converged_note <- function(tag, fit, pw) {
  X <- model.matrix(fit)
  g <- crossprod(X, pw * (fit$y - fitted(fit)))[, 1]
  b <- coef(fit)
  for (k in 1:3) {
    pn <- plogis(drop(X %*% b) + o)
    b <- b + solve(crossprod(X, X * (pw * pn * (1 - pn))), crossprod(X, pw * (fit$y - pn)))[, 1]
  }
  p("#   ", tag, ": ", fit$iter, " Fisher scoring iterations, converged = ", fit$converged,
    ", max|X^T W (y - p)|/n = ", sprintf("%.2g", max(abs(g)) / nrow(X)),
    "; three more Newton steps move no coefficient by more than ", sprintf("%.2g", max(abs(b - coef(fit)))),
    " (relative ", sprintf("%.2g", max(abs(b / coef(fit) - 1))), ")")
}

p("# Reference values from R: ", R.version.string, ", base R glm(..., family = binomial, offset = o),")
p("# every number printed with sprintf(\"%.17g\"); the script that printed them is r-offset.R beside this file.")
p("# Data: ../data/ucla_admissions.csv (400 rows). Offset, for 1-based row i:")
p("#   o_i = (gpa_i - 3.4)^2 + 0.25 ((i mod 5) - 2)")
p("#   offset.sum = sum(o), offset.first[i] = o_i for i = 1..5, as a check that both sides build the same o.")
p("# offset.plain: glm(admit ~ gre + gpa + factor(rank), binomial, offset = o,")
p("#   control = glm.control(epsilon = 1e-14, maxit = 100)); rank a factor of levels 1..4 (1 the reference).")
p("# offset.weighted: the same with prior weights w_i = 1 + (i mod 3) (2, 3, 1, 2, 3, 1, ...).")
p("# offset.null: glm(admit ~ 1, binomial, offset = o), the same control; its deviance is offset.plain's")
p("#   null.deviance (R fits the intercept-only model with the offset for it).")
p("# Coefficient keys are R's term names as R prints them; se[...] are the standard errors")
p("#   sqrt(diag(chol2inv(qr.R(qr(sqrt(w p (1 - p)) X))))) at the estimate itself.")
converged_note("offset.plain", fo, rep(1, nrow(d)))
converged_note("offset.weighted", fw, w)
converged_note("offset.null", f0, rep(1, nrow(d)))
stopifnot(isTRUE(all.equal(deviance(f0), fo$null.deviance, tolerance = 1e-12)))

p("offset.sum = ", f17(sum(o)))
for (k in 1:5) p("offset.first[", k, "] = ", f17(o[k]))
pglm <- function(tag, fit, pw) {
  cf <- coef(fit)
  for (j in seq_along(cf)) p(tag, ".coef[", names(cf)[j], "] = ", f17(cf[[j]]))
  # Standard errors from the information at the estimate itself (summary.glm's come from the working
  # weights of the last IRLS iteration, about 1e-8 away).
  X <- model.matrix(fit)
  pn <- plogis(drop(X %*% cf) + o)
  se <- sqrt(diag(chol2inv(qr.R(qr(sqrt(pw * pn * (1 - pn)) * X)))))
  for (j in seq_along(cf)) p(tag, ".se[", names(cf)[j], "] = ", f17(se[j]))
  p(tag, ".deviance = ", f17(deviance(fit)))
  p(tag, ".null.deviance = ", f17(fit$null.deviance))
  p(tag, ".aic = ", f17(AIC(fit)))
}
pglm("offset.plain", fo, rep(1, nrow(d)))
pglm("offset.weighted", fw, w)
pglm("offset.null", f0, rep(1, nrow(d)))

# offset.aliased: offset.plain with a column dup = gre / 100 + 2 gpa after gpa, a linear combination of
# earlier columns. R finds it aliased (coefficient NA) with glm's default control (with epsilon = 1e-14 its QR
# tolerance, epsilon / 1000, is below rounding and it keeps the column); the estimates are then those of
# glm.fit on the kept columns with the control above.
d$dup <- d$gre / 100 + 2 * d$gpa
fa <- glm(admit ~ gre + gpa + dup + factor(rank), family = binomial, data = d, offset = o)
stopifnot(is.na(coef(fa)[["dup"]]), sum(is.na(coef(fa))) == 1)
Xa <- model.matrix(fa)[, !is.na(coef(fa))]
ga <- glm.fit(Xa, d$admit, family = binomial(), offset = o, control = ctl)
stopifnot(ga$converged, ga$rank == ncol(Xa))
p("# offset.aliased: glm(admit ~ gre + gpa + dup + factor(rank), binomial, offset = o), dup = gre / 100 + 2 gpa:")
p("#   aliased = the NA coefficient; coef, se, deviance and AIC of glm.fit on the other columns, control as above;")
p("#   null.deviance that of offset.null (the intercept alone with the offset), as glm reports it.")
p("offset.aliased.aliased = ", paste(names(coef(fa))[is.na(coef(fa))], collapse = ","))
cfa <- ga$coefficients
for (j in seq_along(cfa)) p("offset.aliased.coef[", names(cfa)[j], "] = ", f17(cfa[[j]]))
pa <- plogis(drop(Xa %*% cfa) + o)
sea <- sqrt(diag(chol2inv(qr.R(qr(sqrt(pa * (1 - pa)) * Xa)))))
for (j in seq_along(sea)) p("offset.aliased.se[", colnames(Xa)[j], "] = ", f17(sea[j]))
p("offset.aliased.deviance = ", f17(ga$deviance))
# glm.fit alone gives the null deviance of the intercept without the offset; glm refits the intercept-only
# model with the offset for it, as for offset.plain: that model is offset.null, whatever the other columns.
stopifnot(isTRUE(all.equal(fa$null.deviance, deviance(f0), tolerance = 1e-8)))
p("offset.aliased.null.deviance = ", f17(deviance(f0)))
p("offset.aliased.aic = ", f17(ga$aic))
close(con)
cat(readLines("r-offset.properties"), sep = "\n")
