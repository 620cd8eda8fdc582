import type { ApolloServerPlugin } from '@apollo/server';
import {
  ASTVisitor, getNamedType, GraphQLError, GraphQLInputType, GraphQLSchema, isInputObjectType, isListType, isNonNullType, isScalarType,
  OperationDefinitionNode, typeFromAST, ValidationContext,
} from 'graphql';

/** Longest String/ID value any argument may carry; the longest field-level limit is 200, so this only stops floods early. */
export const MAX_INPUT_STRING_LENGTH = 1000;
/** Postgres text cannot hold NUL: refused here rather than failing as an SQL error. */
const NUL = '\u0000';

const isTextScalar = (type: unknown) => isScalarType(type) && (type.name === 'String' || type.name === 'ID');
const nulError = (where: string) =>
  new GraphQLError(`${where} contains a NUL character, which text fields cannot hold`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
const tooLong = (where: string, length: number) =>
  new GraphQLError(`${where} is ${length} characters long; string arguments are limited to ${MAX_INPUT_STRING_LENGTH}`, {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });

/** Validation rule: String/ID literals in the document (JSON scalars are not String-typed and are left alone). */
export function inputStringLengthRule(context: ValidationContext): ASTVisitor {
  return {
    StringValue(node) {
      if (!isTextScalar(getNamedType(context.getInputType()))) return;
      if (node.value.length > MAX_INPUT_STRING_LENGTH) context.reportError(tooLong('a string argument', node.value.length));
      if (node.value.includes(NUL)) context.reportError(nulError('a string argument'));
    },
  };
}

/** The same limit for variables, checked against their declared types once the operation is known. */
export function inputStringLengthPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, schema }) {
          const error = operation ? checkVariables(schema, operation, request.variables ?? {}) : null;
          if (error) throw error;
        },
      };
    },
  };
}

function checkVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): GraphQLError | null {
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    const name = definition.variable.name.value;
    const strings = type ? textLeaves(type, variables[name], 0) : [];
    const length = Math.max(0, ...strings.map((s) => s.length));
    if (length > MAX_INPUT_STRING_LENGTH) return tooLong(`variable $${name} holds a string that`, length);
    if (strings.some((s) => s.includes(NUL))) return nulError(`variable $${name} holds a string that`);
  }
  return null;
}

/** The String/ID leaves of a value of the given input type (depth-capped; JSON scalars are skipped). */
function textLeaves(type: GraphQLInputType, value: unknown, depth: number): string[] {
  if (value === null || value === undefined || depth > 20) return [];
  if (isNonNullType(type)) return textLeaves(type.ofType, value, depth);
  if (isListType(type)) return (Array.isArray(value) ? value : [value]).flatMap((item) => textLeaves(type.ofType, item, depth + 1));
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return [];
    const fields = type.getFields();
    return Object.entries(value as Record<string, unknown>).flatMap(([key, field]) => (fields[key] ? textLeaves(fields[key].type, field, depth + 1) : []));
  }
  return isTextScalar(type) && typeof value === 'string' ? [value] : [];
}
