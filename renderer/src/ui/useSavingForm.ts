import { useState } from 'react';
import { useForm, type FieldValues, type UseFormProps } from 'react-hook-form';
import { applyServerErrors } from './form-errors';

type ServerFields = readonly string[] | Record<string, string>;

/**
 * A react-hook-form form whose `submit` checks the values (the resolver, usually the main
 * process's own schema) and then `save`s them. Issues the main process still finds go to the form
 * fields `serverFields` names (see applyServerErrors; a function of the values for forms with rows);
 * anything else becomes `formError`, for FormError.
 */
export function useSavingForm<In extends FieldValues, Out = In>(
  options: UseFormProps<In, unknown, Out>,
  serverFields: ServerFields | ((values: Out) => ServerFields),
  save: (values: Out) => Promise<unknown>,
) {
  const [formError, setFormError] = useState<string>();
  const form = useForm<In, unknown, Out>(options);
  const submit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      await save(values);
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, typeof serverFields === 'function' ? serverFields(values) : serverFields));
    }
  });
  return { ...form, submit, formError };
}
