import type { IncomingMessage, ServerResponse } from "node:http";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Requests per client address and minute (rate-limiter-flexible, in memory: one instance's count).
 * Past the limit: 429 with Retry-After, in GraphQL's error shape so that clients read it like any
 * other error. The address is Express's req.ip, so behind a load balancer set TRUST_PROXY.
 * Plain Node request and response (given `ip`), so that the compiled reads run it outside Express too.
 */
export function rateLimit(perMinute: number, what: string) {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return async (request: IncomingMessage & { ip?: string }, response: ServerResponse, next: (error?: unknown) => void): Promise<void> => {
    try {
      const state = await limiter.consume(request.ip ?? "unknown");
      response.setHeader("RateLimit-Limit", String(perMinute));
      response.setHeader("RateLimit-Remaining", String(state.remainingPoints));
      next();
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) return next(error);
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      response.statusCode = 429;
      response.setHeader("Retry-After", String(seconds));
      response.setHeader("RateLimit-Limit", String(perMinute));
      response.setHeader("RateLimit-Remaining", "0");
      response.setHeader("Content-Type", "application/json; charset=utf-8");
      response.end(
        JSON.stringify({
          errors: [
            {
              message: `Too many ${what} requests from this address (${perMinute} a minute); try again in ${seconds} s.`,
              extensions: { code: "RATE_LIMITED", reason: "rate-limited", params: { retryAfterSeconds: seconds } },
            },
          ],
        }),
      );
    }
  };
}
