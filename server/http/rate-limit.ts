import type { RequestHandler } from "express";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Requests per client address and minute (rate-limiter-flexible, in memory: one instance's count).
 * Past the limit: 429 with Retry-After, in GraphQL's error shape so that clients read it like any
 * other error. The address is Express's req.ip, so behind a load balancer set TRUST_PROXY.
 */
export function rateLimit(perMinute: number, what: string): RequestHandler {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return async (request, response, next) => {
    try {
      const state = await limiter.consume(request.ip ?? "unknown");
      response.set("RateLimit-Limit", String(perMinute)).set("RateLimit-Remaining", String(state.remainingPoints));
      next();
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) return next(error);
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      response
        .status(429)
        .set("Retry-After", String(seconds))
        .set("RateLimit-Limit", String(perMinute))
        .set("RateLimit-Remaining", "0")
        .json({
          errors: [
            {
              message: `Too many ${what} requests from this address (${perMinute} a minute); try again in ${seconds} s.`,
              extensions: { code: "RATE_LIMITED", reason: "rate-limited", params: { retryAfterSeconds: seconds } },
            },
          ],
        });
    }
  };
}
