/// The 42 endpoints of `/api/application`, in the order of the reference table.
enum ApplicationRoutes {
    static var all: [Route] {
        UserRoutes.routes + NodeRoutes.routes + AllocationRoutes.routes + LocationRoutes.routes
            + ServerRoutes.routes + ServerDatabaseRoutes.routes + NestRoutes.routes
    }
}
