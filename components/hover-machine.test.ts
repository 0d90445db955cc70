import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DELAYS, HoverMachine, type HoverState } from './hover-machine';

describe('hover card state machine', () => {
  let states: string[];
  let m: HoverMachine<string>;
  beforeEach(() => {
    vi.useFakeTimers();
    states = [];
    m = new HoverMachine<string>((s: HoverState<string>) => states.push(s.name + ('key' in s ? `:${s.key}` : '')));
  });
  afterEach(() => vi.useRealTimers());

  it('shows the card at a steady delay, not before', () => {
    m.enter('a');
    vi.advanceTimersByTime(DELAYS.showMs - 1);
    expect(m.state.name).toBe('dwell');
    vi.advanceTimersByTime(1);
    expect(states).toEqual(['dwell:a', 'shown:a']);
  });

  it('a pointer that only passes over a name shows nothing', () => {
    m.enter('a');
    vi.advanceTimersByTime(DELAYS.dwellMs);
    m.leave();
    vi.advanceTimersByTime(DELAYS.showMs * 2);
    expect(states).toEqual(['dwell:a', 'idle']);
  });

  it('keeps the card through the grace period when the pointer travels into it', () => {
    m.enter('a');
    vi.advanceTimersByTime(DELAYS.showMs);
    m.leave();
    vi.advanceTimersByTime(DELAYS.leaveGraceMs - 10);
    m.hold();
    vi.advanceTimersByTime(DELAYS.leaveGraceMs * 2);
    expect(m.state.name).toBe('shown');
    m.leave();
    vi.advanceTimersByTime(DELAYS.leaveGraceMs);
    expect(m.state.name).toBe('idle');
  });

  it('drops the timer of an older hover (one token per hover)', () => {
    m.enter('a');
    vi.advanceTimersByTime(100);
    m.leave();
    m.enter('b');
    vi.advanceTimersByTime(DELAYS.showMs - 100);
    expect(m.state).toMatchObject({ name: 'dwell', key: 'b' });
    vi.advanceTimersByTime(100);
    expect(m.state).toMatchObject({ name: 'shown', key: 'b' });
    expect(states.filter((s) => s.startsWith('shown'))).toEqual(['shown:b']);
  });

  it('opens at once on keyboard focus and closes on Escape', () => {
    m.enter('a', 'focus');
    expect(m.state).toMatchObject({ name: 'shown', key: 'a', via: 'focus' });
    m.close();
    expect(m.state.name).toBe('idle');
  });
});
