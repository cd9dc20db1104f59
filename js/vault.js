// The event's vault: how event mode keeps a room's signatures on a device so that the device
// alone cannot open them (README, "Event mode: a device that can be lost"). Only the browser's
// own cryptography (WebCrypto): no hand-made cryptography, no third party. Pure: it runs in a
// page and in Node alike (tests/js/vault.test.mjs).
//
// - Starting event mode makes a key pair for the event (ECDH P-256). The public key seals; the
//   private key is kept only wrapped (AES-GCM) under a key derived from the staff passphrase
//   with PBKDF2-SHA-256 at ITERATIONS (OWASP's figure for PBKDF2-HMAC-SHA256 since 2023).
// - Each signature is sealed as it is made (`seal`): a key pair made for that record alone
//   agrees a key with the event's public key (ECDH, then HKDF-SHA-256), which encrypts the
//   record (AES-GCM), with the signature's idempotency key as additional data, so a sealed record
//   cannot be passed off as another's. The record's own private key is dropped at once.
// - Unlocking (`unlock`) derives the wrapping key from the passphrase and unwraps the private key
//   as a key that cannot be exported; a wrong passphrase fails AES-GCM's check, and opens nothing.
// The sealed record's format is campaign_core::petition::handover::Sealed (SEALED_VERSION).

/** PBKDF2-SHA-256 iterations for the passphrase. */
export const ITERATIONS = 600_000;
/** The sealed record's format (campaign_core::petition::handover::SEALED_VERSION). */
export const SEALED_VERSION = 1;
const CURVE = { name: "ECDH", namedCurve: "P-256" };
const INFO = new TextEncoder().encode("truah-campaign sealed record v1");

const subtle = () => globalThis.crypto.subtle;
const utf8 = (text) => new TextEncoder().encode(text);
const random = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n));

export function toBase64(bytes) {
  let binary = "";
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function fromBase64(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** A random id: 16 bytes as hex. */
export function randomId() {
  return [...random(16)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The key that wraps the event's private key, from the passphrase. */
async function wrappingKey(passphrase, salt, iterations) {
  const material = await subtle().importKey("raw", utf8(passphrase.normalize("NFC")), "PBKDF2", false, ["deriveKey"]);
  return subtle().deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, material, { name: "AES-GCM", length: 256 }, false, ["wrapKey", "unwrapKey"]);
}

/** A new vault for an event, locked under `passphrase`: what the device keeps (nothing in it
 *  opens a sealed record without the passphrase). */
export async function createVault(passphrase, { event, now = Date.now(), iterations = ITERATIONS } = {}) {
  const id = randomId();
  const pair = await subtle().generateKey(CURVE, true, ["deriveBits"]);
  const salt = random(16);
  const iv = random(12);
  const kek = await wrappingKey(passphrase, salt, iterations);
  const wrapped = await subtle().wrapKey("pkcs8", pair.privateKey, kek, { name: "AES-GCM", iv, additionalData: utf8(id) });
  const publicKey = await subtle().exportKey("raw", pair.publicKey);
  return { id, event, created_at: now, iterations, salt: toBase64(salt), iv: toBase64(iv), wrapped: toBase64(wrapped), public: toBase64(publicKey), failed: 0, wait_until: 0 };
}

/** The event's private key, unwrapped with `passphrase` (a key that cannot be exported, good only
 *  for opening records), or null for a wrong passphrase. */
export async function unlock(vault, passphrase) {
  const kek = await wrappingKey(passphrase, fromBase64(vault.salt), vault.iterations);
  try {
    return await subtle().unwrapKey("pkcs8", fromBase64(vault.wrapped), kek, { name: "AES-GCM", iv: fromBase64(vault.iv), additionalData: utf8(vault.id) }, CURVE, false, ["deriveBits"]);
  } catch {
    return null;
  }
}

/** The AES-GCM key two ECDH keys agree, for a record whose own public key is `epk` (raw). */
async function recordKey(privateKey, publicKey, epk, usage) {
  const shared = await subtle().deriveBits({ name: "ECDH", public: publicKey }, privateKey, 256);
  const hkdf = await subtle().importKey("raw", shared, "HKDF", false, ["deriveKey"]);
  return subtle().deriveKey({ name: "HKDF", hash: "SHA-256", salt: epk, info: INFO }, hkdf, { name: "AES-GCM", length: 256 }, false, [usage]);
}

/** `plaintext` sealed for the vault's event, bound to `key` (the signature's idempotency key). */
export async function seal(vault, plaintext, key) {
  const eventKey = await subtle().importKey("raw", fromBase64(vault.public), CURVE, false, []);
  const own = await subtle().generateKey(CURVE, true, ["deriveBits"]);
  const epk = new Uint8Array(await subtle().exportKey("raw", own.publicKey));
  const aes = await recordKey(own.privateKey, eventKey, epk, "encrypt");
  const iv = random(12);
  const ct = await subtle().encrypt({ name: "AES-GCM", iv, additionalData: utf8(key) }, aes, utf8(plaintext));
  return { v: SEALED_VERSION, vault: vault.id, epk: toBase64(epk), iv: toBase64(iv), ct: toBase64(ct) };
}

/** A sealed record's plaintext, with the event's private key (`unlock`); throws if it is not the
 *  record of `key`, or not sealed for that key pair. */
export async function open(privateKey, sealed, key) {
  if (sealed?.v !== SEALED_VERSION) throw new Error(`a sealed record of format ${sealed?.v}, not ${SEALED_VERSION}`);
  const epk = fromBase64(sealed.epk);
  const own = await subtle().importKey("raw", epk, CURVE, false, []);
  const aes = await recordKey(privateKey, own, epk, "decrypt");
  const plain = await subtle().decrypt({ name: "AES-GCM", iv: fromBase64(sealed.iv), additionalData: utf8(key) }, aes, fromBase64(sealed.ct));
  return new TextDecoder().decode(plain);
}

/* ---- The passphrase ---- */

/** Passphrases too common to keep anyone out, lower case (and the campaign's own words). */
const COMMON = ["password", "passphrase", "letmein", "qwerty", "welcome", "iloveyou", "admin", "truah", "shabbat", "shalom", "justice", "rally", "event", "12345", "abcde"];
/** The letters a suggested passphrase is made of: none that reads as another (0/O, 1/I/L). */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** Why `passphrase` is too weak for an event's vault (`event`: its name, which anyone in the
 *  room can read), as a `words` key (campaign_core's event words), or null when it will do: at
 *  least 12 characters, at least 6 different ones, and, when it has a common word or the
 *  event's name in it, at least 10 letters and digits besides. */
export function weakness(passphrase, event = "") {
  const p = passphrase.normalize("NFC");
  const chars = [...p];
  if (chars.length < 12) return "too_short";
  if (new Set(chars.map((c) => c.toLowerCase())).size < 6) return "too_plain";
  // What is left once the common words and the event's name are taken out is what a guesser
  // must find: "justice2026!" leaves "2026", "copper lantern meadow seventeen" nearly all of it.
  const flat = p.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const name = event.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const guessable = [...COMMON, ...(name.length >= 4 ? [name] : [])];
  const rest = guessable.reduce((left, w) => left.split(w).join(""), flat);
  if (rest.length < flat.length && [...rest].length < 10) return "too_common";
  return null;
}

/** A strong passphrase to write down: four groups of four letters and digits that cannot be
 *  misread (about 79 bits), like `K7QM-2XPR-9WDA-F3HT`. */
export function suggestion() {
  let letters = "";
  while (letters.length < 16) {
    const [b] = random(1);
    // Rejection sampling: no letter more likely than another.
    if (b < 256 - (256 % ALPHABET.length)) letters += ALPHABET[b % ALPHABET.length];
  }
  return letters.match(/.{4}/g).join("-");
}

/** How long the next try must wait after `failed` wrong passphrases in a row: 2 s after one,
 *  then 4 s, 8 s… up to 5 minutes. Nothing is ever wiped by a wrong guess. */
export function waitAfter(failed) {
  return failed < 1 ? 0 : Math.min(1000 * 2 ** failed, 300_000);
}
