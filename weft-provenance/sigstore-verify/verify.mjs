#!/usr/bin/env node
// Checks a Weft attestation in its Sigstore bundle form (GET .../attestation?format=sigstore-bundle)
// with Sigstore's own verifier, offline: no Fulcio certificate, transparency log or timestamp, only
// the public key Weft signs with (ed25519.pub, SPKI PEM). The key is trusted under its Weft keyid,
// the hex sha256 of its SPKI DER, which is the hint the bundle names.
//
//   node verify.mjs BUNDLE.json ed25519.pub
//
// Exit 0 and "verified" when the signature is the key's; exit 1 with Sigstore's error otherwise;
// exit 2 when an argument cannot be read.
import { readFileSync } from 'node:fs';
import { createHash, createPublicKey } from 'node:crypto';
import { bundleFromJSON } from '@sigstore/bundle';
import { PublicKeyDetails, TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';

function fail(code, message) {
  process.stderr.write(`weft-sigstore-verify: ${message}\n`);
  process.exit(code);
}

const [bundleFile, keyFile] = process.argv.slice(2);
if (!bundleFile || !keyFile) fail(2, 'usage: verify.mjs BUNDLE.json PUBLIC_KEY.pem');

let bundle;
let spki;
try {
  bundle = bundleFromJSON(JSON.parse(readFileSync(bundleFile, 'utf8')));
} catch (e) {
  fail(2, `${bundleFile}: not a Sigstore bundle: ${e.message}`);
}
try {
  spki = createPublicKey(readFileSync(keyFile, 'utf8')).export({ type: 'spki', format: 'der' });
} catch (e) {
  fail(2, `${keyFile}: not a PEM public key: ${e.message}`);
}

// An empty trusted root: no certificate authority, log or timestamp authority is trusted, so the
// key below is the only thing a signature can be checked against.
const root = TrustedRoot.fromJSON({
  mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  tlogs: [],
  certificateAuthorities: [],
  ctlogs: [],
  timestampAuthorities: [],
});
const keyId = createHash('sha256').update(spki).digest('hex');
const trust = toTrustMaterial(root, {
  [keyId]: { rawBytes: spki, keyDetails: PublicKeyDetails.PKIX_ED25519 },
});
try {
  new Verifier(trust, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }).verify(
    toSignedEntity(bundle),
  );
} catch (e) {
  fail(1, `${e.code ?? e.name}: ${e.message}`);
}
process.stdout.write('verified\n');
