# Reference fits of model formulas: glm(formula, family = binomial) and its model.matrix column names.
# Run: cd core/src/test/resources/reference && Rscript r-formula-glm.R
# Reads ../data/ucla_admissions.csv; writes r-formula-glm.properties here.

f17 <- function(x) sprintf("%.17g", x)
con <- file("r-formula-glm.properties", open = "w")
p <- function(...) writeLines(paste0(...), con)
# A column name as a key of a Java properties file: ':' and '=' escaped.
key <- function(k) gsub("([:=])", "\\\\\\1", k)

invisible(Sys.setlocale("LC_COLLATE", "C"))
d <- read.csv(file.path("..", "data", "ucla_admissions.csv"), comment.char = "#")
stopifnot(nrow(d) == 400, identical(names(d), c("admit", "gre", "gpa", "rank")))
i <- seq_len(nrow(d))
# Two derived columns, computed the same way by the Java test: a categorical band of gpa (text, so
# categorical) and prior weights cycling with the 1-based row number.
d$band <- ifelse(d$gpa >= 3.4, "hi", "lo")
d$w <- 1 + (i %% 3)
ctl <- glm.control(epsilon = 1e-14, maxit = 100)
# New rows to predict, not in the data.
nd <- data.frame(gre = c(380, 520, 660, 800, 450), gpa = c(2.5, 3.1, 3.65, 4, 2.26), rank = c(1L, 2L, 3L, 4L, 2L))
nd$band <- ifelse(nd$gpa >= 3.4, "hi", "lo")
nd$w <- 1 + (seq_len(nrow(nd)) %% 3)

cases <- list(
  list("numnum", admit ~ gre * gpa, FALSE, c("admit", "gre", "gpa", "rank")),
  list("catnum", admit ~ gpa * factor(rank), FALSE, NULL),
  list("catcat", admit ~ factor(rank) * band, FALSE, NULL),
  list("nomargin", admit ~ gre + gpa:factor(rank), FALSE, NULL),
  list("functions", admit ~ I(gpa^2) + log(gre), FALSE, NULL),
  list("zero", admit ~ 0 + gre + gpa, FALSE, NULL),
  list("minusone", admit ~ factor(rank) + gre - 1, FALSE, NULL),
  list("minusonecat", admit ~ band:gre + band - 1, FALSE, NULL),
  list("offset", admit ~ gre + offset(gpa/2), FALSE, NULL),
  list("dotminus", admit ~ . - gre, FALSE, c("admit", "gre", "gpa", "rank")),
  list("dotweighted", admit ~ ., TRUE, NULL)
)

p("# Reference values from R: ", R.version.string, ", base R glm(formula, family = binomial, data = d),")
p("# every number printed with sprintf(\"%.17g\"); the script that printed them is r-formula-glm.R beside this file.")
p("# Data: ../data/ucla_admissions.csv (400 rows, admit, gre, gpa, rank) with two derived columns, for 1-based row i:")
p("#   band_i = \"hi\" if gpa_i >= 3.4 else \"lo\" (a text column: categorical, levels hi < lo);")
p("#   w_i = 1 + (i mod 3), the prior weights of the weighted case (and, as R's '.' includes it, a column).")
p("# Each case fits glm(formula, binomial, data, control = glm.control(epsilon = 1e-14, maxit = 100)), on")
p("# the columns listed in <tag>.data (all six when absent, as '.' sees them), weights = w where <tag>.weighted = true.")
p("# <tag>.fitted[k]: fitted(fit) of row k (the offset in the linear predictor, as R's fitted values have it).")
p("# <tag>.columns: colnames(model.matrix(fit)) joined by '|'; coef[...] and se[...] (summary.glm) are keyed by them")
p("# (':' written '\\:' in a key, as a properties file needs).")
p("# <tag>.predict[k], for the cases catnum, functions and offset: predict(fit, newdata = nd, type = \"response\") of")
p("# row k of new rows nd (not rows of the data): gre = 380, 520, 660, 800, 450; gpa = 2.5, 3.1, 3.65, 4, 2.26;")
p("# rank = 1, 2, 3, 4, 2; band and w derived as above from gpa and k (the offset evaluated on nd, as predict.glm does).")
for (cs in cases) {
  tag <- cs[[1]]; f <- cs[[2]]; weighted <- cs[[3]]; cols <- cs[[4]]
  dd <- if (is.null(cols)) d else d[, cols]
  fit <- if (weighted) glm(f, family = binomial, data = dd, weights = w, control = ctl)
         else glm(f, family = binomial, data = dd, control = ctl)
  stopifnot(fit$converged)
  X <- model.matrix(fit)
  s <- summary(fit)$coefficients
  p("#   ", tag, ": ", deparse(f), ", ", fit$iter, " Fisher scoring iterations")
  p(tag, ".formula = ", paste(deparse(f), collapse = ""))
  if (!is.null(cols)) p(tag, ".data = ", paste(cols, collapse = "|"))
  p(tag, ".weighted = ", tolower(as.character(weighted)))
  p(tag, ".columns = ", paste(colnames(X), collapse = "|"))
  for (k in colnames(X)) {
    p(tag, ".coef[", key(k), "] = ", f17(coef(fit)[[k]]))
    p(tag, ".se[", key(k), "] = ", f17(s[k, 2]))
  }
  p(tag, ".deviance = ", f17(deviance(fit)))
  p(tag, ".null.deviance = ", f17(fit$null.deviance))
  p(tag, ".aic = ", f17(AIC(fit)))
  p(tag, ".nobs = ", nrow(X))
  for (k in 1:3) p(tag, ".fitted[", k, "] = ", f17(fitted(fit)[[k]]))
  if (tag %in% c("catnum", "functions", "offset")) {
    pr <- predict(fit, newdata = nd, type = "response")
    for (k in seq_len(nrow(nd))) p(tag, ".predict[", k, "] = ", f17(pr[[k]]))
  }
}
close(con)
