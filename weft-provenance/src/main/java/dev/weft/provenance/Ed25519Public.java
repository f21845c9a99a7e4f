package dev.weft.provenance;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * Derives an Ed25519 public key from its private key. The JDK has no call for it, but its key
 * generator takes the 32-byte seed from the random source it is given: fed the private key's seed,
 * it computes the matching public key. A PKCS#8 file from OpenSSL holds only the seed.
 */
final class Ed25519Public {
  private Ed25519Public() {}

  static PublicKey derive(PrivateKey key) throws GeneralSecurityException {
    if (!(key instanceof EdECPrivateKey ed)) throw new InvalidKeyException("not an EdDSA key");
    byte[] seed =
        ed.getBytes().orElseThrow(() -> new InvalidKeyException("the key's seed is not readable"));
    if (seed.length != 32) throw new InvalidKeyException("an Ed25519 seed has 32 bytes");
    KeyPairGenerator gen = KeyPairGenerator.getInstance("Ed25519");
    gen.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
    KeyPair pair = gen.generateKeyPair();
    byte[] again = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
    if (!Arrays.equals(seed, again)) { // a JDK that draws its seed differently: refuse, never guess
      throw new InvalidKeyException("cannot derive the public key on this JDK");
    }
    return pair.getPublic();
  }

  /** A random source that yields the given seed once. */
  private static final class SeedSource extends SecureRandom {
    private final byte[] seed;

    SeedSource(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != seed.length) throw new IllegalStateException("unexpected draw");
      System.arraycopy(seed, 0, bytes, 0, seed.length);
    }
  }
}
