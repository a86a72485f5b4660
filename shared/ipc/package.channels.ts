/** Channels of signed packages: the unit's key, enrolment with the reviewing unit, the export. */
export const PACKAGE_CHANNELS = [
  'keys:status',
  'keys:create',
  'keys:backup',
  'keys:chooseBackup',
  'keys:restore',
  'keys:rotate',
  'keys:rotationForm',
  'keys:chooseRotationApproval',
  'keys:acceptRotation',
  'enrolment:status',
  'enrolment:request',
  'enrolment:chooseApproval',
  'enrolment:accept',
  'package:status',
  'package:export',
  'package:email',
] as const;

export type PackageChannel = (typeof PACKAGE_CHANNELS)[number];
