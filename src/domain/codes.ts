/**
 * Administrative codes: 9-digit street, 12-digit community and 15-digit grid codes
 * (6 district per GB/T 2260 + 3 street + 3 community + 3 grid sequence, DB11/T 2157-2023).
 */

export interface GridCode {
  district: string;
  street: string;
  community: string;
  sequence: number;
}

const GRID_CODE = /^(\d{6})(\d{3})(\d{3})(\d{3})$/;

/** True when `code` is 15 digits with a non-zero sequence. */
export function isValidGridCode(code: string): boolean {
  return parseGridCode(code) !== null;
}

/**
 * Splits a 15-digit grid code into its parts, or returns null if it is not one.
 * @example
 * parseGridCode('110106012003004'); // { district: '110106', street: '012', community: '003', sequence: 4 }
 */
export function parseGridCode(code: string): GridCode | null {
  const match = GRID_CODE.exec(code);
  if (!match) return null;
  const [, district, street, community, sequence] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  const seq = Number(sequence);
  if (seq === 0) return null;
  return { district, street, community, sequence: seq };
}

/**
 * Builds the 15-digit code of grid number `sequence` inside a 12-digit community.
 * @example
 * formatGridCode('110106012003', 4); // '110106012003004'
 */
export function formatGridCode(communityId: string, sequence: number): string {
  if (!/^\d{12}$/.test(communityId))
    throw new RangeError(`community code must be 12 digits: ${communityId}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999)
    throw new RangeError(`grid sequence must be 1–999: ${sequence}`);
  return communityId + String(sequence).padStart(3, '0');
}

/** The 12-digit community code a grid code belongs to. */
export function communityOfGridCode(code: string): string {
  return code.slice(0, 12);
}

/** True when `id` is a 9-digit street code. */
export function isValidStreetCode(id: string): boolean {
  return /^\d{9}$/.test(id);
}

/** True when `id` is a 12-digit community code. */
export function isValidCommunityCode(id: string): boolean {
  return /^\d{12}$/.test(id);
}

/** Groups a grid code for reading: 110106 012 003 004. */
export function displayGridCode(code: string): string {
  const parts = parseGridCode(code);
  if (!parts) return code;
  return `${parts.district} ${parts.street} ${parts.community} ${String(parts.sequence).padStart(3, '0')}`;
}
