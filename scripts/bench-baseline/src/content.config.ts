import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const posts = defineCollection({
	loader: glob({ pattern: '**/*.md', base: './content' }),
	schema: z.looseObject({
		title: z.string(),
		date: z.coerce.date(),
		source: z.string(),
		summary: z.string().optional(),
	}),
});

export const collections = { posts };
