/**
 * Each signed reader's own hostile payloads (signed.ts re-signs them with the trusted key): what
 * only this kind of file can get wrong, and the refusal code each must end in.
 */
import type { Json, SignedCase } from './signed';

type Obj = Record<string, Json>;
const o = (v: Json | undefined): Obj => v as Obj;
const items = (p: Obj): Obj[] => p['items'] as Obj[];

/** The appraisal result (payload: shared/package/envelope.ts appraisalResultSchema). */
export const appraisalCases: SignedCase[] = [
  { name: 'addressed to another commune', change: (p) => void (o(p['audience'])['communeCode'] = '26735'), code: 'APPRAISAL_WRONG_COMMUNE' },
  { name: 'for another year', change: (p) => void (o(p['subject'])['year'] = 2025), code: 'APPRAISAL_WRONG_YEAR' },
  { name: 'answering a report this commune did not send', change: (p) => void (o(o(p['subject'])['answers'])['sha256'] = '0'.repeat(64)), code: 'APPRAISAL_UNKNOWN_REVISION' },
  { name: 'answering another package id', change: (p) => void (o(o(p['subject'])['answers'])['packageId'] = 'khac-26734-0001'), code: 'APPRAISAL_UNKNOWN_REVISION' },
  { name: 'claiming a later revision of the report sent', change: (p) => void (o(o(p['subject'])['answers'])['revision'] = 2), code: 'APPRAISAL_UNKNOWN_REVISION' },
  { name: 'an item twice', change: (p) => void items(p).push(structuredClone(items(p)[0]!)), code: 'APPRAISAL_RESULT_INVALID' },
  { name: 'an item twice, the copy with other points', change: (p) => void items(p).push({ ...structuredClone(items(p)[0]!), appraisedPoints: 0 }), code: 'APPRAISAL_RESULT_INVALID' },
  { name: 'an item the report does not hold', change: (p) => void items(p).push({ ...structuredClone(items(p)[0]!), code: '99.9' }), code: 'APPRAISAL_RESULT_INVALID' },
  { name: 'issued, it says, by another key', change: (p) => void (o(p['issuer'])['keyId'] = 'AAAAAAAAAAAAAAAA'), code: 'APPRAISAL_RESULT_INVALID' },
  { name: 'issued, it says, by another reviewing unit', change: (p) => void (o(p['issuer'])['unitCode'] = '01'), code: 'APPRAISAL_RESULT_INVALID' },
  { name: 'a comment with its text in NFD', change: (p) => void (items(p)[0]!['comment'] = 'Đạt: có Kế hoạch.'.normalize('NFD')), code: 'PAYLOAD_INVALID' },
  { name: 'a 100 KB comment', change: (p) => void (items(p)[0]!['comment'] = 'x'.repeat(100_000)), code: 'PAYLOAD_INVALID' },
  { name: 'a comment of 5,000 characters, taken', change: (p) => void (items(p)[0]!['comment'] = 'ạ'.repeat(5000)), code: null },
  { name: 'points as a fraction (numbers are safe integers, held by the parser)', change: (p) => void (items(p)[0]!['appraisedPoints'] = 12.5), code: 'NOT_JSON' },
  { name: 'points past 2^53', change: (p) => void (items(p)[0]!['appraisedPoints'] = 2 ** 53), code: 'NOT_JSON' },
  { name: 'appraised points below 0 where the self-score is not', change: (p) => void (items(p)[0]!['appraisedPoints'] = -1), code: 'APPRAISAL_RESULT_INVALID' },
  { name: 'appraised points past the item maximum', change: (p) => void (items(p)[0]!['appraisedPoints'] = 100_000), code: 'APPRAISAL_RESULT_INVALID' },
  { name: 'a self-score past the item maximum', change: (p) => void (items(p)[0]!['selfPoints'] = 100_000), code: 'APPRAISAL_RESULT_INVALID' },
  { name: 'round 3', change: (p) => void (p['round'] = 3), code: 'PAYLOAD_INVALID' },
  // Every item of the report it answers, with the self-scores it declared; a summary counting them.
  { name: 'no items', change: (p) => void (p['items'] = []), code: 'APPRAISAL_RESULT_INVALID' },
  { name: 'an item left out, the summary counted again', change: (p) => { const left = items(p).slice(1); p['items'] = left; const s = o(p['summary']); s['items'] = left.length; s['appraised'] = left.filter((i) => i['appraisedPoints'] !== null).length; s['stillAtSelfScore'] = left.filter((i) => i['appraisedPoints'] === null).length; s['requests'] = left.filter((i) => i['request'] !== null).length; }, code: 'APPRAISAL_RESULT_INVALID' },
  { name: 'a self-score other than the one declared', change: (p) => { const i = items(p)[0]!; i['selfPoints'] = i['selfPoints'] === 0 ? 1 : 0; }, code: 'APPRAISAL_RESULT_INVALID' },
  { name: 'a summary that does not count the items', change: (p) => void (o(p['summary'])['items'] = items(p).length + 1), code: 'APPRAISAL_RESULT_INVALID' },
];

/** The key rotation approval (payload: keyRotationApprovalSchema), for the commune's pending statement. */
export const rotationApprovalCases: SignedCase[] = [
  { name: 'for another commune', change: (p) => void (o(p['approved'])['communeCode'] = '26735'), code: 'ROTATION_MISMATCH' },
  { name: 'for another statement', change: (p) => void (o(p['approved'])['rotationSha256'] = '0'.repeat(64)), code: 'ROTATION_NOT_FOUND' },
  { name: 'the old key named as the new one', change: (p) => void (o(p['approved'])['newKeyId'] = o(p['approved'])['oldKeyId']!), code: 'ROTATION_MISMATCH' },
  { name: 'the new key named as the old one', change: (p) => void (o(p['approved'])['oldKeyId'] = o(p['approved'])['newKeyId']!), code: 'ROTATION_MISMATCH' },
  { name: 'another effective day', change: (p) => void (o(p['approved'])['effectiveFrom'] = '2030-01-01'), code: 'ROTATION_MISMATCH' },
  { name: 'a reviewer key id that is not the signer', change: (p) => void (o(p['reviewer'])['keyId'] = o(p['approved'])['newKeyId']!), code: 'ROTATION_MISMATCH' },
  { name: 'the statement hash as a number', change: (p) => void (o(p['approved'])['rotationSha256'] = 1), code: 'PAYLOAD_INVALID' },
  { name: 'the reviewer name in NFD', change: (p) => void (o(p['reviewer'])['name'] = 'Sở Nội vụ tỉnh Quảng Nam'.normalize('NFD')), code: 'PAYLOAD_INVALID' },
  { name: 'an unknown key in the approval', change: (p) => void (o(p['approved'])['scope'] = 'all'), code: 'PAYLOAD_INVALID' },
];
