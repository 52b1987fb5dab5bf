// console.log shows a CryptoKey's attributes and hides a KeyObject's
// handle, as node does.
const k = await crypto.subtle.importKey("raw", new Uint8Array(16), "AES-GCM", false, ["encrypt"]);
console.log(k);
console.log(require("crypto").createSecretKey(Buffer.from("x")));
console.log(Object.keys(k).length, JSON.stringify(k));

// Output:
// CryptoKey {
//   type: 'secret',
//   extractable: false,
//   algorithm: { name: 'AES-GCM', length: 128 },
//   usages: [ 'encrypt' ]
// }
// SecretKeyObject { [Symbol(kKeyType)]: 'secret' }
// 0 {}
