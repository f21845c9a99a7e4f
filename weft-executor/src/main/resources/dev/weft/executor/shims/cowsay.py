#!/usr/bin/python3
# Weft emulation of cowsay: a speech bubble with the message, then a cow (or the Docker whale).
import sys
import textwrap

FIGURE = "@FIGURE@"

COW = r"""        \   ^__^
         \  (oo)\_______
            (__)\       )\/\
                ||----w |
                ||     ||"""

WHALE = "\n".join(
    [
        '    \\',
        '     \\',
        '      \\',
        '                    ##        .',
        '              ## ## ##       ==',
        '           ## ## ## ##      ===',
        '       /""""""""""""""""___/ ===',
        '  ~~~ {~~ ~~~~ ~~~ ~~~~ ~~ ~ /  ===- ~~~',
        '       \\______ o          __/',
        '        \\    \\        __/',
        '          \\____\\______/',
    ]
)


def bubble(message, width=40):
    lines = []
    for paragraph in message.expandtabs(8).split("\n"):
        lines.extend(textwrap.wrap(paragraph, width) or [""])
    size = max(len(line) for line in lines)
    out = [" " + "_" * (size + 2)]
    if len(lines) == 1:
        out.append("< " + lines[0] + " >")
    else:
        for i, line in enumerate(lines):
            left, right = ("/", "\\") if i == 0 else ("\\", "/") if i == len(lines) - 1 else ("|", "|")
            out.append(left + " " + line.ljust(size) + " " + right)
    out.append(" " + "-" * (size + 2))
    return "\n".join(out)


def main(args):
    if args:
        message = " ".join(args)
    elif not sys.stdin.isatty():
        message = sys.stdin.read().rstrip("\n")
    else:
        message = ""
    print(bubble(message))
    print(WHALE if FIGURE == "whale" else COW)


if __name__ == "__main__":
    main(sys.argv[1:])
