// `creditkit/elements`: defines every creditkit element.
