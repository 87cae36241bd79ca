"""A client for `foresight serve`, using only Python's standard library.

    from foresight_client import Client
    fs = Client("http://127.0.0.1:8080")
    fs.add_evalset("holdout", ids=ids, labels=labels, positive="1")
    fs.log_run("gbm-1", evalset="holdout", ids=ids, scores=scores, method="gbm")
    fs.eval(runs=["gbm-1"])["results"]

Sequences may be lists, tuples, numpy arrays or pandas Series; a pandas DataFrame may be
given as `frame=` with the column names to read. Numbers are sent so that they read back
as the same doubles (repr of a float is exact).
"""

import csv
import io
import json
import os
import math
import urllib.error
import urllib.parse
import urllib.request

__all__ = ["Client", "ApiError"]
__version__ = "0.1.0"


def _bootstrap_options(query, resamples, seed):
    if resamples is not None:
        query["resamples"] = str(int(resamples))
    if seed is not None:
        query["seed"] = str(int(seed))


class ApiError(Exception):
    """The server refused a request: `status` (HTTP), `code` ("not_found", ...), `message`,
    and for an upload with problems, `problems` (dicts with line, column, message)."""

    def __init__(self, status, code, message, problems=None):
        first = ""
        if problems:
            p = problems[0]
            where = f"line {p['line']}, column {p['column']}: " if "line" in p else ""
            first = f" ({where}{p.get('message', '')})"
        super().__init__(f"{status} {code}: {message}{first}")
        self.status = status
        self.code = code
        self.message = message
        self.problems = problems or []


def _values(seq, name):
    """A list of plain Python values from a list, tuple, numpy array or pandas Series."""
    if seq is None:
        raise ValueError(f"{name} is required")
    if hasattr(seq, "tolist"):  # numpy arrays, pandas Series
        seq = seq.tolist()
    return list(seq)


def _cell(value):
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} is not a finite number")
        return repr(value)
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _csv(columns):
    """CSV text from an ordered list of (name, values) of equal length."""
    lengths = {len(values) for _, values in columns}
    if len(lengths) != 1:
        names = ", ".join(f"{name} ({len(values)})" for name, values in columns)
        raise ValueError(f"every column needs one value per id: {names}")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _ in columns])
    for row in zip(*(values for _, values in columns)):
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


class Client:
    """One foresight server and one project on it."""

    def __init__(self, url, project="default", token=None, timeout=300):
        """`token` is an API token ("fst_..."); without one, the FORESIGHT_TOKEN environment
        variable's, if set (a server started with --no-auth needs none)."""
        self.url = url.rstrip("/")
        self.project = project
        self.token = token if token is not None else os.environ.get("FORESIGHT_TOKEN")
        self.timeout = timeout

    @classmethod
    def login(cls, url, user, password, project="default", label="python client", days=None,
              timeout=300):
        """A client holding a new token of `user`, who logs in with its password."""
        body = {"user": user, "password": password, "label": label}
        if days is not None:
            body["days"] = int(days)
        anonymous = cls(url, project, token="", timeout=timeout)
        made = anonymous._request("POST", "/api/v1/tokens", body=json.dumps(body),
                                  content_type="application/json")
        return cls(url, project, token=made["token"], timeout=timeout)

    def me(self):
        """Who the token belongs to: {"user", "admin", "accounts"}."""
        return self._request("GET", "/api/v1/me")

    # -- transport ---------------------------------------------------------------------
    def _request(self, method, path, query=None, body=None, content_type="text/csv"):
        url = self.url + path
        if query:
            url += "?" + urllib.parse.urlencode(query, doseq=True)
        data = body.encode("utf-8") if isinstance(body, str) else body
        req = urllib.request.Request(url, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", content_type)
        if self.token:
            req.add_header("Authorization", "Bearer " + self.token)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                text = resp.read().decode("utf-8")
                if resp.headers.get_content_type() == "text/csv":
                    return text
                return json.loads(text)
        except urllib.error.HTTPError as e:
            text = e.read().decode("utf-8", "replace")
            try:
                error = json.loads(text)["error"]
            except (ValueError, KeyError, TypeError):
                raise ApiError(e.code, "unknown", text.strip()) from None
            raise ApiError(e.code, error.get("code", "unknown"), error.get("message", ""),
                           error.get("problems")) from None

    def _project_path(self, tail):
        return f"/api/v1/projects/{urllib.parse.quote(self.project, safe='')}/{tail}"

    # -- projects ----------------------------------------------------------------------
    def health(self):
        return self._request("GET", "/api/v1/health")

    def projects(self):
        return self._request("GET", "/api/v1/projects")["projects"]

    def create_project(self, name):
        return self._request("POST", "/api/v1/projects", {"name": name}, b"")

    def in_project(self, name):
        """The same server, another project."""
        return Client(self.url, name, self.token, self.timeout)

    # -- evaluation sets ---------------------------------------------------------------
    def add_evalset(self, name, ids=None, labels=None, positive=None, task=None, slices=None,
                    frame=None, id_column="id", label_column="label"):
        """Stores an evaluation set: one id and one true label (or target) per example, and
        optional slice columns (a dict name -> values). With `frame` (a pandas DataFrame),
        ids, labels and slices are read from its columns `id_column`, `label_column` and the
        names in `slices` (a list)."""
        if frame is not None:
            ids = frame[id_column]
            labels = frame[label_column]
            slices = {s: frame[s] for s in (slices or [])}
        columns = [("id", _values(ids, "ids")), ("label", _values(labels, "labels"))]
        for slice_name, values in (slices or {}).items():
            columns.append((slice_name, _values(values, f"slice {slice_name}")))
        query = {"name": name, "id": "id", "label": "label",
                 "slice": [s for s, _ in columns[2:]]}
        if positive is not None:
            query["positive"] = str(positive)
        if task is not None:
            query["task"] = task
        return self._request("POST", self._project_path("evalsets"), query, _csv(columns))

    def evalsets(self):
        return self._request("GET", self._project_path("evalsets"))["evalsets"]

    # -- runs --------------------------------------------------------------------------
    def log_run(self, name, evalset, ids, scores=None, probabilities=None, values=None,
                method="", train_size=None, params=None, tags=None):
        """Stores a run's predictions on `evalset`, one per id: `scores` (binary: the
        positive class's score), `probabilities` (multiclass: a dict class -> values, e.g.
        {c: proba[:, i] for i, c in enumerate(model.classes_)}), or `values` (regression)."""
        ids = _values(ids, "ids")
        columns = [("id", ids)]
        query = {"name": name, "evalset": evalset}
        given = [x is not None for x in (scores, probabilities, values)]
        if sum(given) != 1:
            raise ValueError("give exactly one of scores, probabilities, values")
        if scores is not None:
            columns.append(("score", _values(scores, "scores")))
            query["score"] = "score"
        elif values is not None:
            columns.append(("value", _values(values, "values")))
            query["value"] = "value"
        else:
            for cls, column in probabilities.items():
                columns.append((f"proba_{cls}", _values(column, f"probabilities {cls}")))
            query["proba_prefix"] = "proba_"
        if method:
            query["method"] = method
        if train_size is not None:
            query["train_size"] = str(int(train_size))
        if params:
            query["param"] = [f"{k}={v}" for k, v in params.items()]
        if tags:
            query["tag"] = [f"{k}={v}" for k, v in tags.items()]
        return self._request("POST", self._project_path("runs"), query, _csv(columns))

    def runs(self, evalset=None, method=None, tags=None, page_size=10000):
        """Every run (without predictions) as a dict, in the order they were added: those on
        `evalset`, of `method`, with every one of `tags` (a dict) when given. The server
        answers a page at a time (at most 10,000 runs); this asks for every page."""
        query = {}
        if evalset is not None:
            query["evalset"] = evalset
        if method is not None:
            query["method"] = method
        if tags:
            query["tag"] = [f"{k}={v}" for k, v in tags.items()]
        out = []
        offset = 0
        while True:
            page = self._request("GET", self._project_path("runs"),
                                 dict(query, limit=str(int(page_size)), offset=str(offset)))
            out += page["runs"]
            if page.get("next_offset") is None or not page["runs"]:
                return out
            offset = page["next_offset"]

    def predictions(self, name):
        """A run's stored predictions: a dict of its columns ("id", then "score", "value" or
        one "proba_<class>" per class), ids as strings, the rest as floats."""
        text = self._request("GET", self._project_path(
            "runs/" + urllib.parse.quote(name, safe="") + "/predictions"))
        rows = list(csv.reader(io.StringIO(text)))
        header, body = rows[0], rows[1:]
        out = {column: [] for column in header}
        for row in body:
            for column, cell in zip(header, row):
                out[column].append(cell if column == header[0] else float(cell))
        return out

    def delete_run(self, name):
        return self._request("DELETE", self._project_path("runs/" + urllib.parse.quote(name,
                                                                                        safe="")))

    # -- evidence ----------------------------------------------------------------------
    def eval(self, runs=None, metrics=None, resamples=None, seed=None, slices=False):
        """Metrics of runs (all when none is named) with confidence intervals, as
        `foresight eval --format json` prints them."""
        query = {"run": list(runs or []), "metric": list(metrics or [])}
        _bootstrap_options(query, resamples, seed)
        if slices:
            query["slices"] = "true"
        return self._request("GET", self._project_path("eval"), query)

    def compare(self, a, b, metrics=None, resamples=None, seed=None):
        """How each run of `b` (a name, or a list of names) differs from run `a`: paired
        tests with confidence intervals of the difference (Holm-corrected for several), as
        `foresight compare --format json` prints them."""
        query = {"a": a, "b": [b] if isinstance(b, str) else list(b),
                 "metric": list(metrics or [])}
        _bootstrap_options(query, resamples, seed)
        return self._request("GET", self._project_path("compare"), query)

    def forecast(self, method, metric=None, evalset=None, tags=None, at=None, target=None,
                 band=None, lower_is_better=False, resamples=None, seed=None):
        """The learning-curve forecast of a method's runs (their training sizes and
        metrics): what more data buys at the sizes `at`, and whether `target` is reachable,
        as `foresight forecast --method M --format json` prints it."""
        query = {"method": method, "tag": [f"{k}={v}" for k, v in (tags or {}).items()],
                 "at": [repr(float(n)) for n in (at or [])]}
        if metric is not None:
            query["metric"] = metric
        if evalset is not None:
            query["evalset"] = evalset
        if target is not None:
            query["target"] = repr(float(target))
        if band is not None:
            query["band"] = repr(float(band))
        if lower_is_better:
            query["lower_is_better"] = "true"
        _bootstrap_options(query, resamples, seed)
        return self._request("GET", self._project_path("forecast"), query)

    def history(self):
        """How the project's success criteria changed, as `foresight history --format json`."""
        return self._request("GET", self._project_path("history"))

    def check(self, charter, name="foresight.yaml"):
        """The findings of `foresight check --format json` on a charter's YAML text."""
        return self._request("POST", "/api/v1/check", {"name": name}, charter,
                             "application/yaml")
