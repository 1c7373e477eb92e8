// What task-queue's programs and its checks agree on: the shape of a task and of its answer.

/** A task: multiply a by b. The pill is null. */
export interface Task { a: number; b: number }
export interface Answer extends Task { product: number }
