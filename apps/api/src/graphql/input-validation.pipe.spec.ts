import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsString, IsUUID, MaxLength, ValidateNested, getMetadataStorage } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { inputValidationPipe } from './input-validation.pipe.js';

class Answer {
  @IsUUID()
  questionId!: string;
}

class BaseInput {
  @IsString()
  @MaxLength(5)
  name!: string;
}

class SubmitInput extends BaseInput {
  @ValidateNested({ each: true })
  @Type(() => Answer)
  answers!: Answer[];
}

const pipe = inputValidationPipe();
const validate = (metatype: new () => object, value: unknown) =>
  pipe.transform(value, { type: 'body', metatype });

const UUID = '7b0e3f3e-3a8e-4f0c-9d55-2f4f1b1a9c10';

describe('inputValidationPipe', () => {
  it('checks inherited and nested rules on every call, not only the first', async () => {
    for (let call = 0; call < 3; call += 1) {
      await expect(
        validate(SubmitInput, { name: 'too long', answers: [{ questionId: UUID }] }),
      ).rejects.toThrow(/name must be shorter than or equal to 5 characters/);
      await expect(
        validate(SubmitInput, { name: 'ok', answers: [{ questionId: UUID }, { questionId: 'x' }] }),
      ).rejects.toThrow(/answers\.1\.questionId must be a UUID/);
      await expect(
        validate(SubmitInput, { name: 'ok', answers: [{ questionId: UUID }] }),
      ).resolves.toBeInstanceOf(SubmitInput);
    }
  });

  it('looks up a class rules once, and each class its own', async () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(SubmitInput, '', false, false);
    expect(storage.getTargetValidationMetadatas(SubmitInput, '', false, false)).toBe(first);
    expect(first.map((rule) => rule.propertyName).sort()).toEqual(['answers', 'name', 'name']);

    // A class defined after validations began still gets its own rules.
    class LateInput {
      @IsUUID()
      id!: string;
    }
    await expect(validate(LateInput, { id: 'nope' })).rejects.toThrow(/id must be a UUID/);
    await expect(validate(LateInput, { id: UUID })).resolves.toBeInstanceOf(LateInput);
  });
});
