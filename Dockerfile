# One image for both processes: `node dist/apps/api/src/main.js` or `.../worker/src/main.js`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
ARG APP_COMMIT=unknown
ENV APP_COMMIT=${APP_COMMIT}
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/curriculum ./curriculum
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
