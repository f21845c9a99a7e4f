package dev.weft.provenance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * An Ed25519 signing key: the private key as PKCS#8 PEM ({@code ed25519.key}, mode 0600), the
 * public key as SPKI PEM ({@code ed25519.pub}), both as OpenSSL writes them. {@code keyId} is the
 * hex sha256 of the public key's SPKI DER.
 */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey, String keyId) {
  public static final String KEY_FILE = "ed25519.key";
  public static final String PUBLIC_FILE = "ed25519.pub";

  /** A new random key. */
  public static SigningKey generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return new SigningKey(pair.getPrivate(), pair.getPublic(), keyId(pair.getPublic()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519: " + e.getMessage(), e);
    }
  }

  /**
   * The key in {@code dir} ({@value #KEY_FILE}), created with its {@value #PUBLIC_FILE} when
   * absent. Two processes starting at once both end up with the same key: the file is created whole
   * under another name and linked into place only if no key is there yet.
   */
  public static SigningKey loadOrCreate(Path dir) throws IOException, MalformedEnvelopeException {
    Path keyFile = dir.resolve(KEY_FILE);
    if (!Files.exists(keyFile)) {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      SigningKey fresh = generate();
      Path tmp =
          Files.createTempFile(
              dir,
              ".key-",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        Files.writeString(tmp, Pem.encode("PRIVATE KEY", fresh.privateKey().getEncoded()));
        try {
          Files.createLink(keyFile, tmp); // fails if another process made one meanwhile
        } catch (FileAlreadyExistsException raced) {
          // theirs stands
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    SigningKey key = load(keyFile);
    writePublic(key, dir.resolve(PUBLIC_FILE));
    return key;
  }

  /** Reads a PKCS#8 PEM Ed25519 private key (`openssl genpkey -algorithm ed25519` writes one). */
  public static SigningKey load(Path keyFile) throws IOException, MalformedEnvelopeException {
    return parsePrivate(Files.readString(keyFile, StandardCharsets.US_ASCII), keyFile.toString());
  }

  /**
   * A PKCS#8 PEM Ed25519 private key from text (a Kubernetes Secret's value); {@code what} names it
   * in errors.
   */
  public static SigningKey parsePrivate(String pem, String what) throws MalformedEnvelopeException {
    byte[] der = Pem.decode(pem, "PRIVATE KEY", what);
    try {
      KeyFactory kf = KeyFactory.getInstance("Ed25519");
      PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(der));
      PublicKey pub = publicOf(priv);
      return new SigningKey(priv, pub, keyId(pub));
    } catch (GeneralSecurityException e) {
      throw new MalformedEnvelopeException(
          what + ": not an Ed25519 private key (" + e.getMessage() + ")");
    }
  }

  /** Reads an SPKI PEM Ed25519 public key (`openssl pkey -pubout` writes one). */
  public static PublicKey readPublic(Path pemFile) throws IOException, MalformedEnvelopeException {
    return parsePublic(Files.readString(pemFile, StandardCharsets.US_ASCII), pemFile.toString());
  }

  /** An SPKI PEM Ed25519 public key from text; {@code what} names it in errors. */
  public static PublicKey parsePublic(String pem, String what) throws MalformedEnvelopeException {
    byte[] der = Pem.decode(pem, "PUBLIC KEY", what);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new MalformedEnvelopeException(
          what + ": not an Ed25519 public key (" + e.getMessage() + ")");
    }
  }

  /** The public key as SPKI PEM. */
  public String publicPem() {
    return Pem.encode("PUBLIC KEY", publicKey.getEncoded());
  }

  /** The private key as PKCS#8 PEM. */
  public String privatePem() {
    return Pem.encode("PRIVATE KEY", privateKey.getEncoded());
  }

  /** Hex sha256 of the key's SPKI DER: the keyid hint in envelopes. */
  public static String keyId(PublicKey key) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writePublic(SigningKey key, Path file) throws IOException {
    String pem = key.publicPem();
    if (Files.exists(file) && Files.readString(file).equals(pem)) return;
    Path tmp = Files.createTempFile(file.getParent(), ".pub-", ".tmp");
    Files.writeString(tmp, pem);
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The public half of an Ed25519 private key. The JDK offers no derivation, so the key signs a
   * probe and the candidate from its own PKCS#8 v2 form, or else from a fresh derivation, is used.
   */
  private static PublicKey publicOf(PrivateKey priv) throws GeneralSecurityException {
    return Ed25519Public.derive(priv);
  }
}
