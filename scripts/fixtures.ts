/** npm run fixtures: rewrites the committed filled samples (test/fixtures/samples/) from the code. */
process.env.IAE_UPDATE_FIXTURES = '1';
const s = await import('../test/fixtures/samples.js');
const paths = [
  await s.siaeValidSample(),
  (await s.siaeInvalidSample()).path,
  await s.networkValidSample(),
  (await s.networkInvalidSample()).path,
  await s.planSample(),
];
for (const p of paths) console.log(`Écrit : ${p}`);

export {};
