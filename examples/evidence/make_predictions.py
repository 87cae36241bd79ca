#!/usr/bin/env python3
"""Makes the evidence demo's inputs from a real dataset that ships with scikit-learn (no
download): the Wisconsin breast cancer data (569 tumours, 30 features, malignant or not).

Writes to OUT_DIR: eval.csv (the held-out examples: id, label, and a `size` slice by tumour
radius) and one predictions file per model, trained on the other examples:
logreg.csv, tree.csv, boosting.csv (columns id, score). Then a learning curve for the tree
and the logistic regression: each trained on nested subsamples of the training examples
(sizes 20 to 284, three seeds each), their predictions in curves/ and the list of them in
curves/manifest.csv (run, method, train_size, file). Deterministic (fixed seeds).

Usage: make_predictions.py OUT_DIR"""
import os
import sys

import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier


def main() -> int:
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    data = load_breast_cancer()
    x, y = data.data, 1 - data.target  # 1 = malignant, the class to find
    ids = np.array([f"tumour-{i:03d}" for i in range(len(y))])
    x_train, x_test, y_train, y_test, _, id_test = train_test_split(
        x, y, ids, test_size=0.5, random_state=0, stratify=y)
    radius = x_test[:, 0]
    bands = np.where(radius < 12, "small", np.where(radius < 16, "medium", "large"))
    with open(os.path.join(out, "eval.csv"), "w") as f:
        f.write("id,label,size\n")
        for i, label, band in zip(id_test, y_test, bands):
            f.write(f"{i},{label},{band}\n")
    models = {
        "logreg": make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)),
        "tree": DecisionTreeClassifier(max_depth=3, random_state=0),
        "boosting": GradientBoostingClassifier(random_state=0),
    }
    for name, model in models.items():
        model.fit(x_train, y_train)
        scores = model.predict_proba(x_test)[:, 1]
        with open(os.path.join(out, f"{name}.csv"), "w") as f:
            f.write("id,score\n")
            for i, s in zip(id_test, scores):
                f.write(f"{i},{s:.6f}\n")
    curves = os.path.join(out, "curves")
    os.makedirs(curves, exist_ok=True)
    sizes = [20, 28, 40, 57, 80, 113, 160, 226, len(y_train)]
    with open(os.path.join(curves, "manifest.csv"), "w") as manifest:
        manifest.write("run,method,train_size,file\n")
        for method in ("tree", "logreg"):
            for seed in range(3):
                order = np.random.RandomState(seed).permutation(len(y_train))
                for size in sizes:
                    rows = order[:size]
                    if len(set(y_train[rows])) < 2:  # a subsample needs both classes
                        continue
                    model = models[method]
                    model.fit(x_train[rows], y_train[rows])
                    scores = model.predict_proba(x_test)[:, 1]
                    name = f"{method}-n{size}-s{seed}"
                    path = os.path.join(curves, f"{name}.csv")
                    with open(path, "w") as f:
                        f.write("id,score\n")
                        for i, s in zip(id_test, scores):
                            f.write(f"{i},{s:.6f}\n")
                    manifest.write(f"{name},{method},{size},{path}\n")
    print(f"wrote {out}: {len(y_test)} held-out tumours, 3 models trained on {len(y_train)}, "
          f"and learning curves of the tree and the logistic regression")
    return 0


if __name__ == "__main__":
    sys.exit(main())
