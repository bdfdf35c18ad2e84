import { SendPool } from './send-pool';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('SendPool', () => {
  it('should hold a place per delivery and per clinic until its send ends, even when the send fails', async () => {
    const pool = new SendPool(3);
    const first = gate();
    pool.reserve('d1', 'clinic-a');
    pool.reserve('d2', 'clinic-a');
    const sending = pool.run('d1', () => first.opened);
    const failing = pool.run('d2', () => Promise.reject(new Error('provider down')));
    expect(pool.deliveryIds()).toEqual(['d1', 'd2']);
    expect(pool.someClinicHolds(2)).toBe(true);
    expect(pool.someClinicHolds(3)).toBe(false);
    await expect(failing).rejects.toThrow('provider down');
    expect(pool.has('d2')).toBe(false);
    expect(pool.deliveryIds()).toEqual(['d1']);
    expect(pool.someClinicHolds(2)).toBe(false);
    expect(pool.heldBy('clinic-a')).toBe(1);
    expect(pool.free).toBe(2);
    first.open();
    await sending;
    expect(pool.heldBy('clinic-a')).toBe(0);
    expect(pool.size).toBe(0);
    expect(pool.deliveryIds()).toEqual([]);
  });

  it('should settle only once the sends started while it waited have ended too', async () => {
    const pool = new SendPool(2);
    const first = gate();
    const second = gate();
    const ended: string[] = [];
    pool.reserve('d1', 'clinic-a');
    void pool.run('d1', () => first.opened.then(() => void ended.push('d1')));
    const settled = pool.settle();
    pool.reserve('d2', 'clinic-b');
    void pool.run('d2', () => second.opened.then(() => void ended.push('d2')));
    first.open();
    await pool.oneEnded();
    expect(ended).toEqual(['d1']);
    second.open();
    expect(await settled).toBe(true);
    expect(ended).toEqual(['d1', 'd2']);
    expect(await pool.settle()).toBe(false);
  });
});
