import type { PipeTransform } from '@nestjs/common';
import { NotFoundError } from '@authmesh/runtime';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parses an integer primary key from the path; anything else is an unknown object (404). */
export class IntIdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^\d{1,10}$/.test(value) || Number(value) > 2_147_483_647) throw new NotFoundError();
    return Number(value);
  }
}

/** Parses a UUID primary key from the path; anything else is an unknown object (404). */
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new NotFoundError();
    return value.toLowerCase();
  }
}
