# Reference values for model formulas: R's terms() and model.matrix() on a small data frame.
# Run: cd core/src/test/resources/reference && Rscript r-formula.R
# Writes r-formula.properties here.

con <- file("r-formula.properties", open = "w")
p <- function(...) writeLines(paste0(...), con)
j <- function(x) paste(x, collapse = "|")

# 24 rows; numeric columns x, z, w (positive), k (integers 1..5), `my col`, o (an offset);
# factors f (3 levels), g (4 levels), h (2 levels). Every level combination of f and g occurs.
i <- 0:23
d <- data.frame(
  y = c(0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1, 0, 0),
  x = (i %% 7) - 3 + i / 10,
  z = ((i * 5) %% 11) / 4,
  w = 1 + (i %% 6),
  f = factor(c("a", "b", "c")[(i %% 3) + 1]),
  g = factor(c("p", "q", "r", "s")[(i %/% 3) %% 4 + 1]),
  h = factor(c("u", "v")[(i %% 2) + 1]),
  k = (i %% 5) + 1,
  mycol = sqrt(i + 1),
  o = (i %% 4) / 8
)
names(d)[names(d) == "mycol"] <- "my col"

formulas <- c(
  "y ~ x + z",
  "y ~ x * z",
  "y ~ f + x",
  "y ~ f * x",
  "y ~ f * g",
  "y ~ x:f",
  "y ~ f + x:f",
  "y ~ x + x:f",
  "y ~ f:g",
  "y ~ f + f:g",
  "y ~ g:f + f",
  "y ~ (x + z + f)^2",
  "y ~ (x + f + g)^3",
  "y ~ x * z - x",
  "y ~ x + z - 1",
  "y ~ 0 + f + x",
  "y ~ x + f + g + 0",
  "y ~ f - 1",
  "y ~ -1 + x:f",
  "y ~ 0 + x:f + f",
  "y ~ f * x - 1",
  "y ~ .",
  "y ~ . - x - w",
  "y ~ . + offset(o)",
  "y ~ f/x",
  "y ~ (f + g)/x",
  "y ~ x %in% f",
  "y ~ x + I(x^2) + I(-x^2 + 2 * z) + I((x + z)/w)",
  "y ~ log(w) + sqrt(w) + log1p(w) + exp(z) + abs(x) + log(w + 1)",
  "y ~ factor(k) + x",
  "y ~ factor(k):f",
  "y ~ x + offset(o)",
  "y ~ x + offset(o) + offset(log(w))",
  "y ~ x + offset(o) + offset(o)",
  "y ~ `my col` + `my col`:x + `my col`:f",
  "y ~ x + z + x + z:x",
  "y ~ z:x + x",
  "y ~ f:g:f + x",
  "y ~ x * z * f - x:z:f",
  "y ~ (x + z + h)^2 - x:z",
  "y ~ h * f + 0",
  "y ~ 1",
  "y ~ x - 0",
  "y ~ a:b + c", # no such columns: terms() only
  "y ~ x:z + .",
  "y ~ (f + g + h)^2 - 1",
  "y ~ x %in% (f + g)",
  "y ~ (x + z) %in% f",
  "y ~ x + z - (1 + z) + w",
  "y ~ -1 + f:g",
  "y ~ 0 + h:x + f",
  "y ~ f + 1 - 1 + 1",
  "y ~ exp(-x^2/2) + sqrt(abs(x)) + I(x - -z) + I(2^-1 * x)"
)

p("# Reference values from R: ", R.version.string, ", base R terms() and model.matrix();")
p("# the script that printed them is r-formula.R beside this file.")
p("# Data (", nrow(d), " rows): numeric x, z, w, k (integers 1..5, 5 levels as factor(k)), `my col`, o;")
p("#   factors f (levels ", j(levels(d$f)), "), g (", j(levels(d$g)), "), h (", j(levels(d$h)), ").")
p("# Per formula N (lists joined by |; empty when there is none):")
p("#   formula.N = the formula as written; formula.N.labels = attr(terms(f, data = d), \"term.labels\");")
p("#   .order = attr(, \"order\"); .intercept = attr(, \"intercept\") (0 or 1);")
p("#   .variables = attr(, \"variables\"), each deparsed; .offsets = the variables attr(, \"offset\") points at;")
p("#   .factors.T (T = 1-based term) = the nonzero entries var=code of column T of attr(, \"factors\")")
p("#     (1: coded by contrasts, 2: by indicators, as terms() computes it, before model.matrix's")
p("#     no-intercept adjustment);")
p("#   .columns = the number of model.matrix(f, d) columns of each term (from attr(, \"assign\")),")
p("#     which shows the coding model.matrix used for each categorical factor; absent when the formula")
p("#     names columns d does not have.")
p("# rejected.N: formulas R rejects (its message in rejected.N.r); Formula.parse rejects them too.")
p("# stricter.N: formulas R accepts (its term labels in stricter.N.r) that Formula.parse rejects as")
p("#   likely mistakes or outside its grammar.")
p("formula.count = ", length(formulas))
for (n in seq_along(formulas)) {
  f <- as.formula(formulas[n])
  has <- all(all.vars(f) %in% c(names(d), "."))
  tt <- if (has) terms(f, data = d) else terms(f)
  labels <- attr(tt, "term.labels")
  vars <- vapply(as.list(attr(tt, "variables"))[-1], function(v) paste(deparse(v, backtick = TRUE), collapse = ""), "")
  off <- attr(tt, "offset")
  p("formula.", n, " = ", formulas[n])
  p("formula.", n, ".labels = ", j(labels))
  p("formula.", n, ".order = ", j(attr(tt, "order")))
  p("formula.", n, ".intercept = ", attr(tt, "intercept"))
  p("formula.", n, ".variables = ", j(vars))
  p("formula.", n, ".offsets = ", if (is.null(off)) "" else j(vars[off]))
  fac <- attr(tt, "factors")
  for (t in seq_along(labels)) {
    nz <- which(fac[, t] != 0)
    p("formula.", n, ".factors.", t, " = ", j(paste0(rownames(fac)[nz], "=", fac[nz, t])))
  }
  if (has) {
    mm <- model.matrix(f, data = d)
    a <- attr(mm, "assign")
    p("formula.", n, ".columns = ", j(vapply(seq_along(labels), function(t) sum(a == t), 0L)))
  }
}
outcome <- function(s, labels) tryCatch({
  tt <- terms(eval(parse(text = s)))
  if (labels) paste(attr(tt, "term.labels"), collapse = "|") else "accepted"
}, error = function(e) paste("error:", gsub("[[:space:]]+", " ", conditionMessage(e))))
rejected <- c("y ~ (x + z", "y ~ x + z)", "y ~ ()", "y ~ x + 2", "y ~ x + 1e5", "y ~ (x + z)^1")
stricter <- c("y ~ x^2", "y ~ (x + z)^2.5", "y ~ log(x, 2)", "y ~ poly2(x)", "y ~ x ~ z", "y ~ I(x:z)",
              "y ~ x %o% z")
for (n in seq_along(rejected)) {
  r <- outcome(rejected[n], FALSE)
  stopifnot(startsWith(r, "error:"))
  p("rejected.", n, " = ", rejected[n])
  p("rejected.", n, ".r = ", r)
}
for (n in seq_along(stricter)) {
  r <- outcome(stricter[n], TRUE)
  stopifnot(!startsWith(r, "error:"))
  p("stricter.", n, " = ", stricter[n])
  p("stricter.", n, ".r = ", r)
}
close(con)
