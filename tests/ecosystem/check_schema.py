#!/usr/bin/env python3
"""The JSON Schemas in schema/ against the loader, with a real validator (python3-jsonschema).

- Both schemas are valid draft 2020-12 schemas.
- Every file of data/ and of every fixture plan that `parplan validate` accepts validates.
- Every structural case of the malformed corpus (a wrong type, an unknown or missing key, a
  month out of range, a bad status, ...) is rejected by the schema too.

YAML is read as editors read it (yaml-language-server: YAML 1.2 core schema), so `yes` and `off`
stay text and `010` is the number 10.

Usage: check_schema.py SOURCE_DIR PARPLAN_BINARY
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML with the YAML 1.2 core schema's implicit types instead of YAML 1.1's."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+.0123456789")),
]:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), first)


def construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", construct_int)

# The corpus cases whose problem a schema can see. Left out, with the reason:
#   keys-duplicate-key                 JSON objects have no duplicate keys
#   types-month-octal-looking          '010' reaches a schema as the number 10
#   types-progress-leading-zero        (the same)
#   types-start-after-end              comparing two values is validate's job
#   ids-*, owners-*unknown*            ids against their task, owners against plan.yaml
#   syntax-*, encoding-*, aliases-*, documents-*, size-*, nesting-*, fs-*: not YAML a schema sees
STRUCTURAL = """
keys-missing-required keys-unknown-key keys-unknown-key-did-you-mean owners-empty-name
structure-activity-is-list structure-empty-file structure-empty-plan-yaml
structure-field-file-is-list structure-field-file-is-text structure-only-comments
structure-owners-not-mapping structure-plan-yaml-is-list structure-tasks-is-mapping
structure-text-where-list-belongs types-empty-required-values types-id-with-line-break
types-list-where-text-belongs types-month-out-of-range types-progress-out-of-range
types-year-not-four-digits types-yes-off-stay-text
""".split()

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def load_yaml(path):
    with open(path, "rb") as f:
        return yaml.load(f, Loader=Yaml12Loader)


def plan_files(directory):
    return sorted(name for name in os.listdir(directory)
                  if name.endswith((".yaml", ".yml")) and not name.startswith("."))


def errors(validators, path):
    validator = validators["plan" if os.path.basename(path) == "plan.yaml" else "field"]
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
            for e in validator.iter_errors(load_yaml(path))]


def main():
    source, parplan = sys.argv[1], sys.argv[2]
    validators = {}
    for kind in ("plan", "field"):
        with open(os.path.join(source, "schema", f"{kind}.schema.json"), encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        validators[kind] = jsonschema.Draft202012Validator(schema)

    # Valid plans: data/ and every fixture the loader accepts.
    fixtures = os.path.join(source, "tests", "fixtures")
    valid = [os.path.join(source, "data")]
    for name in sorted(os.listdir(fixtures)):
        directory = os.path.join(fixtures, name)
        if not os.path.isfile(os.path.join(directory, "plan.yaml")):
            continue
        run = subprocess.run([parplan, "validate", "--plan", directory],
                             capture_output=True, check=False)
        if run.returncode == 0:
            valid.append(directory)
    if len(valid) < 6:
        fail(f"only {len(valid)} valid plans found: {valid}")
    checked = 0
    for directory in valid:
        for name in plan_files(directory):
            path = os.path.join(directory, name)
            for e in errors(validators, path):
                fail(f"{path}: the schema rejects a file parplan accepts: {e}")
            checked += 1

    # Structural malformed cases: the schema must reject at least one of the case's files.
    corpus = os.path.join(source, "tests", "malformed")
    for case in STRUCTURAL:
        files = os.path.join(corpus, case, "files")
        names = plan_files(files)
        if not names:
            fail(f"{case}: no files")
        if not any(errors(validators, os.path.join(files, name)) for name in names):
            fail(f"{case}: the schema accepts what parplan rejects")
        expected = open(os.path.join(corpus, case, "expected"), encoding="utf-8").read()
        if not expected.startswith("exit 1\n"):
            fail(f"{case}: parplan no longer rejects it; update the list")

    print(f"{checked} valid files accepted by the schema ({len(valid)} plans), "
          f"{len(STRUCTURAL)} structural malformed cases rejected")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
