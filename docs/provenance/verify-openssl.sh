#!/bin/sh
# Checks the signature of a Weft attestation with OpenSSL alone: no Weft, no Java.
#
#   docs/provenance/verify-openssl.sh ENVELOPE.json ed25519.pub
#
# ENVELOPE.json is what GET /api/v1/workflows/{ns}/{name}/attestation returns (a DSSE envelope) or
# its ?format=sigstore-bundle form; ed25519.pub is Weft's public key (SPKI PEM). DSSE signs the
# pre-authentication encoding "DSSEv1 LEN(type) type LEN(body) body", LEN in bytes: the script
# rebuilds it from the envelope and hands it to `openssl pkeyutl -verify`. Prints OpenSSL's
# "Signature Verified Successfully" and exits 0, or exits 1. Needs jq, base64 and OpenSSL 3.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 ENVELOPE.json PUBLIC_KEY.pem" >&2; exit 2; }
envelope=$1 key=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# a bundle holds the envelope under .dsseEnvelope
jq -r '(.dsseEnvelope // .) | .payloadType' "$envelope" > "$work/type"
jq -r '(.dsseEnvelope // .) | .payload' "$envelope" | base64 -d > "$work/body"
jq -r '(.dsseEnvelope // .) | .signatures[0].sig' "$envelope" | base64 -d > "$work/sig"
type=$(cat "$work/type")
{
  printf 'DSSEv1 %d %s %d ' "$(printf %s "$type" | wc -c)" "$type" "$(wc -c < "$work/body")"
  cat "$work/body"
} > "$work/pae"
openssl pkeyutl -verify -pubin -inkey "$key" -rawin -in "$work/pae" -sigfile "$work/sig"
