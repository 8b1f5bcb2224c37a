// Starts the pinned @firestore-emulator/server (an in-memory Firestore gRPC server) on the port given as the only
// argument. The library binds 0.0.0.0:PORT. Used by io.skystate.emulators.FirestoreEmulator; stop it with a signal.
'use strict';
const { FirestoreServer } = require('@firestore-emulator/server');

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node firestore-emulator.js PORT');
  process.exit(2);
}
new FirestoreServer().start(port).then(
  () => console.log(`firestore emulator listening on 0.0.0.0:${port}`),
  (err) => {
    console.error(err);
    process.exit(1);
  });
