// How people read a service's names: the brand as published, with its English name beside it
// where that differs ("百度 (Baidu)"), and the model after it. One wording for every element.
import type { Service } from './schema.js';

/** "百度 (Baidu)"; just the brand when there is no other English name. */
export function brandName(brand: string, brandEn?: string): string {
  return brandEn && brandEn !== brand ? `${brand} (${brandEn})` : brand;
}

/** "百度 (Baidu) ERNIE-Speed-128K". */
export function serviceName(service: Service): string {
  return `${brandName(service.brand, service.brandEn)} ${service.model}`;
}
