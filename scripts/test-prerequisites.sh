#!/usr/bin/env bash
# What `./mvnw verify` needs outside Maven, installed when missing (Maven runs this before the
# tests; -DskipTests or -Dtest.prerequisites.skip=true skips it):
#   chromium              the browser tests drive Debian's /usr/bin/chromium through Playwright,
#                         which never downloads a browser of its own here;
#   fonts-ipafont-gothic  a Japanese font, so the browser tests (phone width, axe contrast) lay
#                         out real glyphs rather than empty boxes of another width;
#   libsodium23           the operating system's libsodium, the portal's fastest Argon2id
#                         (account.SodiumArgon2), which SodiumArgon2Test checks against Bouncy Castle.
# Everything else (PostgreSQL, the SMTP server, the TOTP cross-check) comes from Maven Central.
set -euo pipefail

missing=()
reasons=()
if [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium)
  reasons+=("chromium: the browser tests drive /usr/bin/chromium")
fi
if [ ! -d /usr/share/fonts/opentype/ipafont-gothic ]; then
  missing+=(fonts-ipafont-gothic)
  reasons+=("fonts-ipafont-gothic: a Japanese font for the browser tests' layout checks")
fi

if ! ldconfig -p 2>/dev/null | grep -q 'libsodium\.so\.23 '; then
  missing+=(libsodium23)
  reasons+=("libsodium23: the Argon2id the portal hashes with where it is installed (SodiumArgon2Test)")
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "test prerequisites: chromium, a Japanese font and libsodium are installed"
  exit 0
fi

echo "test prerequisites: installing what the browser tests need:"
printf '  %s\n' "${reasons[@]}"

cannot_install() {
  echo "test prerequisites: cannot install them here ($1)." >&2
  echo "  Install the Debian packages '${missing[*]}' (apt-get install -y ${missing[*]})," >&2
  echo "  or the same with your system's package manager (Chromium at /usr/bin/chromium and" >&2
  echo "  the IPA Gothic font), or run without the tests: ./mvnw verify -DskipTests" >&2
  exit 1
}

command -v apt-get >/dev/null 2>&1 || cannot_install "no apt-get: not a Debian system"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || cannot_install "not root and no sudo"
  sudo -n true 2>/dev/null || [ -t 0 ] || cannot_install "sudo needs a password and there is no terminal"
  sudo=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq || cannot_install "apt-get update failed"
"${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null \
  || cannot_install "apt-get install failed"
echo "test prerequisites: installed ${missing[*]}"
