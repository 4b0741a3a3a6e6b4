// Asserts that a call fails with a ScheduleError carrying exactly the given message.
import { expect } from 'vitest'
import { ScheduleError } from '../../src/index.js'

export const expectScheduleError = (f: () => unknown, message: string): ScheduleError => {
  let caught: unknown
  try {
    f()
  } catch (e) {
    caught = e
  }
  expect(caught, `expected the call to throw "${message}"`).toBeInstanceOf(ScheduleError)
  expect((caught as ScheduleError).message).toBe(message)
  return caught as ScheduleError
}
