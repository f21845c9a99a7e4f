#!/usr/bin/python3
# Weft emulation of the argoproj/argosay:v2 test image (its entrypoint).
import os
import re
import subprocess
import sys
import time

USAGE = ("usage: argosay [echo [string] [file] | cat [file...] | sleep duration | exit [code]"
         " | assert_exists file | assert_contains file string | sh script]")
UNITS = {"ns": 1e-9, "us": 1e-6, "\u00b5s": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}


def fail(message, code=1):
    print(message, file=sys.stderr)
    sys.exit(code)


def seconds(text):
    """A Go duration ("1m30s", "100ms") or a plain number of seconds."""
    if re.fullmatch(r"[0-9]*\.?[0-9]+", text):
        return float(text)
    parts = re.findall(r"([0-9]*\.?[0-9]+)(ns|us|\u00b5s|ms|s|m|h)", text)
    if not parts or "".join(n + u for n, u in parts) != text:
        fail("argosay: invalid duration " + repr(text))
    return sum(float(n) * UNITS[u] for n, u in parts)


def echo(args):
    if len(args) == 0:
        print("hello argo")
    elif len(args) == 1:
        print(args[0])
    elif len(args) == 2:
        directory = os.path.dirname(args[1])
        if directory:
            os.makedirs(directory, exist_ok=True)
        with open(args[1], "w") as out:
            out.write(args[0] + "\n")
    else:
        fail("usage: argosay echo [string] [file]")


def cat(args):
    for name in args:
        try:
            with open(name, "rb") as f:
                sys.stdout.buffer.write(f.read())
        except OSError as e:
            fail("argosay: " + str(e))
    sys.stdout.flush()


def assert_contains(args):
    if len(args) != 2:
        fail("usage: argosay assert_contains file string")
    try:
        with open(args[0], errors="replace") as f:
            data = f.read()
    except OSError as e:
        fail("argosay: " + str(e))
    matching = [line for line in data.splitlines() if args[1] in line]
    if not matching:
        fail('expected "%s" to contain "%s", but was "%s"' % (args[0], args[1], data))
    print("\n".join(matching))


def main(args):
    command, rest = (args[0], args[1:]) if args else ("echo", [])
    if command == "echo":
        echo(rest)
    elif command == "cat":
        cat(rest)
    elif command == "sleep":
        if len(rest) != 1:
            fail("usage: argosay sleep duration")
        time.sleep(seconds(rest[0]))
    elif command == "exit":
        sys.exit(int(rest[0]) if rest else 0)
    elif command == "assert_exists":
        if len(rest) != 1:
            fail("usage: argosay assert_exists file")
        if not os.path.exists(rest[0]):
            fail('expected "%s" to exist' % rest[0])
    elif command == "assert_contains":
        assert_contains(rest)
    elif command == "sh":
        sys.exit(subprocess.call(["sh"] + rest[:1]))
    else:
        fail(USAGE)


if __name__ == "__main__":
    main(sys.argv[1:])
