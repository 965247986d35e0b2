/**
 * A new empty plain object, to fill field by field. Every `{}` in a process starts from one shared
 * shape (V8's hidden class), and in a process as large as n8n so many shapes branch off it that V8
 * stops sharing them: each object filled from `{}` with a field name V8 has not seen first there
 * gets a shape of its own, and every later read of it is slow. The conversion ran 3-4 times slower
 * inside n8n than outside it for that reason alone. These objects start from a shape only this
 * package adds fields to; in every other way they are plain objects (prototype Object.prototype,
 * so their constructor is Object).
 */
export function newObject<T extends object = Record<string, unknown>>(): T {
	return new (PlainObject as unknown as new () => T)();
}

function PlainObject(): void {}
PlainObject.prototype = Object.prototype;
