/**
 * keepHiddenClass: one instance of a class, built from constants, kept for the life of the
 * module, so that the hidden class (V8's "map") of the class's instances survives full garbage
 * collections.
 *
 * Why (measured, session 8 of issue 10): V8 keeps the hidden classes that a constructor's field
 * assignments lead to only through the objects that have them (map transitions are weak). A
 * class whose instances all live for one file or one run (a zip package, a sheet scanner, a
 * checker) has none left at a full collection between two runs: its hidden class dies, and every
 * optimised function whose code checks that hidden class is thrown away ("weak objects"
 * deoptimisation), then compiled again on V8's background threads. Reading the 100 small files
 * of the validation bench recompiled the reader's hot functions after every full collection,
 * ~20 ms of CPU per read on those threads. One live instance keeps the hidden class, and the
 * compiled code with it.
 *
 * The kept instance must be built by the same constructor, with field values of the same kinds
 * as real instances (a number field stays a small integer, or a fraction, in both; an object
 * stays an object): otherwise V8 gives real instances another hidden class and nothing is kept.
 * Object literals need none of this: the function that creates a literal keeps its hidden class.
 *
 * Only ever instances built from constants, never one holding a user's data (the project's rule:
 * caches belong to a run).
 */
const kept: object[] = [];

export function keepHiddenClass(instance: object): void {
  kept.push(instance);
}
