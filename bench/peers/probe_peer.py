#!/usr/bin/python3
"""The probe's protocol written with scikit-learn: the peer `bench/probe_speed.sh` times
foresight against.

Same protocol as `foresight probe`: stratified 5-fold cross-validation; in each fold, nested
training subsamples of sizes round(16 * 2^(k/2)) below the fold's training rows, then all of
them (each prefix keeps the class shares); five learners at every size; the out-of-fold
predictions of each (learner, size) scored with ROC AUC over all rows.

  majority  DummyClassifier(strategy="prior")
  linear    LogisticRegression(solver="liblinear") on standardised numerics (mean-imputed) and
            one-hot categoricals; C from {0.01, 0.1, 1, 10, 100} by log loss on a stratified
            20% inner split, then refitted on all rows
  tree      DecisionTreeClassifier(max_depth=3) on mean-imputed numerics and ordinal-coded
            categoricals (scikit-learn 1.2's trees take no missing values)
  additive  HistGradientBoostingClassifier(interaction_cst="no_interactions", max_depth=3,
            learning_rate=0.3), native categoricals, 64 bins, early stopping (20%
            validation, patience 20, at most 500 rounds)
  boosting  HistGradientBoostingClassifier(max_depth=6, learning_rate=0.1), 31 leaves, the
            same bins and early stopping

It does less than foresight (no bootstrap intervals, no forecasts, nothing stored), so the
ratio it gives is conservative. Prints one JSON object: the AUC per learner and size, and the
seconds taken.

Usage: bench/peers/probe_peer.py DATA.csv|DATA.arff TARGET [POSITIVE]
"""
import csv
import json
import math
import sys
import time
import warnings

import numpy as np
from scipy.io import arff
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler
from sklearn.tree import DecisionTreeClassifier

warnings.filterwarnings("ignore")


def load(path, target):
    """Columns as numpy arrays: numeric (float, NaN missing) or categorical (object)."""
    if path.endswith(".arff"):
        data, meta = arff.loadarff(path)
        columns = {}
        for name in meta.names():
            col = data[name]
            if meta[name][0] == "nominal":
                columns[name] = np.array([v.decode() for v in col], dtype=object)
            else:
                columns[name] = col.astype(float)
        return columns
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        cells = list(zip(*reader))
    columns = {}
    for name, values in zip(header, cells):
        try:
            columns[name] = np.array([float(v) if v != "" else math.nan for v in values])
        except ValueError:
            columns[name] = np.array(values, dtype=object)
    return columns


def sizes_for(full):
    sizes = []
    k = 0
    while True:
        s = int(round(16 * 2 ** (k / 2)))
        if s >= full:
            break
        sizes.append(s)
        k += 1
    return sizes + [full]


def stratified_order(rows, y, rng):
    """A shuffle of `rows` in which every prefix keeps the class shares."""
    rows = rng.permutation(rows)
    place = np.empty(len(rows))
    for c in np.unique(y[rows]):
        members = np.flatnonzero(y[rows] == c)
        place[members] = (np.arange(len(members)) + rng.random(len(members))) / len(members)
    return rows[np.argsort(place, kind="stable")]


def main():
    path, target = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    columns = load(path, target)
    labels = columns.pop(target)
    classes, counts = np.unique(labels, return_counts=True)
    positive = sys.argv[3] if len(sys.argv) > 3 else classes[np.argmin(counts)]
    y = (labels == positive).astype(int)
    names = list(columns)
    numeric = [n for n in names if columns[n].dtype != object]
    categorical = [n for n in names if columns[n].dtype == object]
    x_num = np.column_stack([columns[n] for n in numeric]) if numeric else np.empty((len(y), 0))
    x_cat = np.column_stack([columns[n] for n in categorical]) if categorical else None
    ordinal = (OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1)
               .fit_transform(x_cat) if x_cat is not None else np.empty((len(y), 0)))
    x_tree = np.column_stack([x_num, ordinal])
    x_imputed = np.column_stack([SimpleImputer().fit_transform(x_num) if numeric else x_num,
                                 ordinal])
    cat_mask = np.array([False] * len(numeric) + [True] * len(categorical))
    x_mixed = np.empty((len(y), len(names)), dtype=object)
    x_mixed[:, :len(numeric)] = x_num
    if x_cat is not None:
        x_mixed[:, len(numeric):] = x_cat
    num_idx = list(range(len(numeric)))
    cat_idx = list(range(len(numeric), len(names)))

    def linear(rows, seed):
        def pipeline(c):
            encode = ColumnTransformer([
                ("num", make_pipeline(SimpleImputer(), StandardScaler()), num_idx),
                ("cat", OneHotEncoder(handle_unknown="ignore"), cat_idx)])
            return make_pipeline(encode, LogisticRegression(solver="liblinear", C=c))
        inner, valid = train_test_split(rows, test_size=0.2, stratify=y[rows], random_state=seed)
        best = min((0.01, 0.1, 1, 10, 100), key=lambda c: log_loss(
            y[valid], pipeline(c).fit(x_mixed[inner], y[inner]).predict_proba(x_mixed[valid])[:, 1],
            labels=[0, 1]))
        return pipeline(best).fit(x_mixed[rows], y[rows]), x_mixed

    def boosted(rows, seed, **extra):
        model = HistGradientBoostingClassifier(
            max_iter=500, max_bins=64, early_stopping=True,
            validation_fraction=0.2,
            n_iter_no_change=20, categorical_features=cat_mask, random_state=seed, **extra)
        return model.fit(x_tree[rows], y[rows]), x_tree

    learners = {
        "majority": lambda rows, seed: (DummyClassifier(strategy="prior").fit(
            x_tree[rows], y[rows]), x_tree),
        "linear": linear,
        "tree": lambda rows, seed: (DecisionTreeClassifier(max_depth=3, random_state=seed).fit(
            x_imputed[rows], y[rows]), x_imputed),
        "additive": lambda rows, seed: boosted(rows, seed, interaction_cst="no_interactions",
                                               max_depth=3, learning_rate=0.3),
        "boosting": lambda rows, seed: boosted(rows, seed, max_depth=6, learning_rate=0.1),
    }

    rng = np.random.default_rng(0)
    folds = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(x_tree, y))
    orders = [stratified_order(train, y, rng) for train, _ in folds]
    full = min(len(o) for o in orders)
    result = {"learners": {}, "skipped": []}
    for name, fit in learners.items():
        curve = {}
        for size in sizes_for(full):
            oof = np.zeros(len(y))
            try:
                for k, (order, (_, test)) in enumerate(zip(orders, folds)):
                    rows = order if size == full else order[:size]
                    model, x = fit(rows, k)
                    oof[test] = model.predict_proba(x[test])[:, 1]
            except ValueError as e:  # a subsample too small for an inner split
                result["skipped"].append(f"{name} at {size}: {e}")
                continue
            curve[str(size)] = roc_auc_score(y, oof)
        result["learners"][name] = curve
    result["seconds"] = time.perf_counter() - start
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
