/**
 * The street last opened from the user's own files: remembered in IndexedDB (fake-indexeddb
 * here), forgotten when the sample is opened, and an unreadable record reads as none — so a
 * reload reopens the planner's street with its plans, or falls back to the sample.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { lastStreet, rememberStreet } from '../../src/io/last-street.ts';

const files = [
  { name: 'grids.geojson', text: '{"type":"FeatureCollection","features":[]}' },
  { name: '社区.geojson', text: '{"type":"FeatureCollection","features":[]}' },
];

describe('the last street', () => {
  it('is none at first, remembered, replaced and forgotten', async () => {
    const factory = new IDBFactory();
    expect(await lastStreet(factory)).toBeNull();
    expect(await rememberStreet(files, factory)).toBeNull();
    expect(await lastStreet(factory)).toEqual(files);
    expect(await rememberStreet(files.slice(1), factory)).toBeNull();
    expect(await lastStreet(factory)).toEqual(files.slice(1));
    expect(await rememberStreet(null, factory)).toBeNull();
    expect(await lastStreet(factory)).toBeNull();
  });

  it('reads a record of another shape as none', async () => {
    const factory = new IDBFactory();
    await rememberStreet(files, factory);
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open('gridatlas-street', 1);
      request.onsuccess = () => resolve(request.result);
    });
    await new Promise((resolve) => {
      const tx = db.transaction('files', 'readwrite');
      tx.objectStore('files').put({ schemaVersion: 9, files: 'no' }, 'last');
      tx.oncomplete = resolve;
    });
    db.close();
    expect(await lastStreet(factory)).toBeNull();
  });

  it('reports a storage problem instead of failing when IndexedDB refuses', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('no storage', 'SecurityError');
      },
    } as unknown as IDBFactory;
    expect(await rememberStreet(files, refusing)).toMatchObject({ code: 'write-failed' });
    expect(await lastStreet(refusing)).toBeNull();
  });
});
