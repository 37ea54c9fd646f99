# Reference numbers for the L2 penalty on the standardized scale (PenaltyScale.STANDARDIZED), from
# glmnet's ridge logistic regression (alpha = 0, standardize = TRUE) on the UCLA admissions data.
# Run: Rscript r-glmnet.R in a folder holding the UCLA data as binary.csv (header admit,gre,gpa,rank;
# ../data/ucla_admissions.csv without its # lines); writes r-glmnet.properties there.
library(glmnet)
d <- read.csv("binary.csv")
x <- cbind(gre = d$gre, gpa = d$gpa, rank2 = as.numeric(d$rank == 2), rank3 = as.numeric(d$rank == 3),
           rank4 = as.numeric(d$rank == 4))
y <- d$admit
w <- 1 + (seq_len(nrow(d)) %% 3)
con <- file("r-glmnet.properties", open = "w")
p <- function(...) writeLines(paste0(...), con)
p("# Reference values from R: ", R.version.string, ", glmnet ", as.character(packageVersion("glmnet")),
  " (Debian r-cran-glmnet), every number printed with sprintf(\"%.17g\").")
p("# glmnet(x, y, family = \"binomial\", alpha = 0, lambda = c(1, 0.5, 0.2, 0.1, 0.05), standardize = TRUE,")
p("#        thresh = 1e-20, maxit = 1e7), coefficients at the last lambda of the path, on the original scale;")
p("# x = gre, gpa and the dummies of rank 2, 3, 4 (rank 1 the reference). glmnet minimizes")
p("# sum(w l)/sum(w) + lambda/2 sum((s_j beta_j)^2), s_j the weighted population standard deviations.")
p("# Keys: <fit>.<lambda>.<term>; fit u unweighted, w with prior weights w_i = 1 + (i mod 3), i = 1..400.")
p("# Between thresh = 1e-14 and 1e-20 the coefficients move by up to 1e-8 relative: glmnet's own accuracy.")
p("# The script that printed them is r-glmnet.R beside this file.")
lambdas <- c(1, 0.5, 0.2, 0.1, 0.05)
terms <- c("Intercept", colnames(x))
for (fit in c("u", "w")) {
  for (lam in c(0.05, 0.5)) {
    path <- lambdas[lambdas >= lam]
    f <- if (fit == "u") {
      glmnet(x, y, family = "binomial", alpha = 0, lambda = path, standardize = TRUE, thresh = 1e-20, maxit = 1e7)
    } else {
      glmnet(x, y, weights = w, family = "binomial", alpha = 0, lambda = path, standardize = TRUE,
             thresh = 1e-20, maxit = 1e7)
    }
    cf <- as.matrix(coef(f))[, length(path)]
    for (j in seq_along(terms)) p(fit, ".", lam, ".", terms[j], " = ", sprintf("%.17g", cf[j]))
  }
}
close(con)
