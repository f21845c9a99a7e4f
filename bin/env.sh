# Sourced by bin/* and .ci/run: finds a JDK >= 21 (the build targets --release 21) and Maven.
weft_java_ok() { [ -x "$1/bin/javac" ] && "$1/bin/java" -version 2>&1 | head -1 | grep -Eq '"(2[1-9]|[3-9][0-9])'; }
if [ -z "${JAVA_HOME:-}" ] || ! weft_java_ok "$JAVA_HOME"; then
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2*-jdk* /usr/lib/jvm/java-2*-openjdk* /usr/lib/jvm/*; do
    if weft_java_ok "$candidate"; then JAVA_HOME="$candidate"; break; fi
  done
fi
if [ -z "$JAVA_HOME" ]; then
  echo "weft: needs a JDK 21 or newer; none found under /usr/lib/jvm (set JAVA_HOME)" >&2
  return 1 2>/dev/null || exit 1
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
# Maven's bundled Guava uses sun.misc.Unsafe; JDK 24+ warns about it on every build.
if "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then
  case " ${MAVEN_OPTS:-} " in *unsafe-memory-access*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow";; esac
fi
if ! command -v mvn >/dev/null 2>&1; then
  echo "weft: installing Maven" >&2
  apt-get install -y maven >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y maven >/dev/null; }
fi
# weft-launcher links a static binary: gcc and the static C library.
if ! command -v gcc >/dev/null 2>&1 || [ ! -f "$(gcc -print-file-name=libc.a 2>/dev/null)" ]; then
  echo "weft: installing gcc and libc6-dev (for the static launcher)" >&2
  apt-get install -y gcc libc6-dev >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y gcc libc6-dev >/dev/null; }
fi
# weft-ui is built by the system's npm (Vite needs Node 20.19+).
if ! command -v npm >/dev/null 2>&1; then
  echo "weft: installing Node.js and npm (for the web UI's build)" >&2
  apt-get install -y nodejs >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y nodejs >/dev/null; }
  command -v npm >/dev/null 2>&1 || apt-get install -y npm >/dev/null 2>&1 || true
fi
